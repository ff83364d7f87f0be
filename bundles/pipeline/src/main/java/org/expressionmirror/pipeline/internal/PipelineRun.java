package org.expressionmirror.pipeline.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.expressionmirror.api.Distribution;
import org.expressionmirror.api.ExpressionModel;
import org.expressionmirror.api.Face;
import org.expressionmirror.api.FaceDetector;
import org.expressionmirror.api.FaceResult;
import org.expressionmirror.api.Frame;
import org.expressionmirror.api.FrameResult;
import org.expressionmirror.api.ModelInput;
import org.expressionmirror.api.RunSummary;
import org.expressionmirror.api.Smoother;
import org.expressionmirror.api.StageTimes;
import org.osgi.framework.Filter;

/**
 * One pass over one source: detect, track, classify, smooth and publish each frame on the calling
 * thread. The components are chosen again before each frame, so a swap takes effect between two
 * frames and never inside one.
 */
final class PipelineRun {
  private static final long WAIT_STEP_MS = 50;
  private static final int ATTEMPTS = 3;

  private final PipelineComponent pipeline;
  private final Selector<FaceDetector> detectors;
  private final Selector<ExpressionModel> models;
  private final Selector<Smoother> smoothers;
  private final FaceTracker tracker = new FaceTracker();
  private final StageStatistics stats = new StageStatistics();
  /** When the components were ready for the first frame: waiting for them is not processing. */
  private long startNanos;
  private boolean started;
  private long frames;
  private long faces;

  PipelineRun(PipelineComponent pipeline) {
    this.pipeline = pipeline;
    Settings defaults = Settings.defaults();
    this.detectors = new Selector<>(pipeline.detectors(), defaults.detector(), pipeline::error);
    this.models = new Selector<>(pipeline.models(), defaults.model(), pipeline::error);
    this.smoothers = new Selector<>(pipeline.smoothers(), defaults.smoother(), pipeline::error);
  }

  /**
   * Processes one frame and hands the result to the listeners and views. A component that goes
   * away during the frame makes the same frame run again with its successor.
   */
  FrameResult process(Frame frame, double decodeMs)
      throws InterruptedException, PipelineException, RecordException {
    for (int attempt = 1; ; attempt++) {
      Selection selection = select();
      try {
        long t0 = System.nanoTime();
        // the models' inputs are gathered only while a view asks to see them
        Map<Integer, List<ModelInput>> inputs = pipeline.inputsWanted() ? new LinkedHashMap<>() : null;
        FrameResult result = analyse(frame, decodeMs, selection, inputs);
        pipeline.publish(frame, result, inputs, selection.model().service());
        StageTimes times = result.times();
        double own =
            millis(t0, System.nanoTime())
                - times.detectMs()
                - times.classifyMs()
                - times.smoothMs();
        stats.add(decodeMs, times.detectMs(), times.classifyMs(), times.smoothMs(), own);
        frames++;
        faces += result.faces().stream().filter(FaceResult::read).count();
        return result;
      } catch (RuntimeException e) {
        if (attempt >= ATTEMPTS || stillRegistered(selection)) {
          throw new PipelineException(
              "frame " + frame.index() + " failed in " + describe(selection) + ": " + e, e);
        }
        pipeline.info("a component left during frame " + frame.index() + "; running it again");
      }
    }
  }

  /** Frames processed so far. */
  long frames() {
    return frames;
  }

  /** Ends the run: tells the listeners and returns the summary. */
  RunSummary finish(String source, long skipped, long unreadable, String error) throws RecordException {
    RunSummary summary = summary(source, skipped, unreadable, error);
    pipeline.end(summary);
    return summary;
  }

  /** The run's summary so far, told to no one (a run that was stopped has not ended). */
  RunSummary summary(String source, long skipped, long unreadable, String error) {
    return new RunSummary(
        source, frames, faces, skipped, started ? millis(startNanos, System.nanoTime()) : 0, stats.summary(), error,
        unreadable);
  }

  /**
   * The frame's numbers; when {@code inputs} is not null it also receives, by track, what the
   * model was fed for each face it read.
   */
  private FrameResult analyse(Frame frame, double decodeMs, Selection s, Map<Integer, List<ModelInput>> inputs) {
    Settings settings = s.settings();
    long t0 = System.nanoTime();
    List<Face> found = s.detector().service().detect(frame);
    long t1 = System.nanoTime();
    List<FaceTracker.Track> tracks =
        tracker.assign(found, frame.timeMs(), settings.trackMinIou(), settings.trackTimeoutMs());
    int only = settings.onlyMyFace() ? largest(found) : -1;
    List<FaceResult> results = new ArrayList<>(found.size());
    long classifyNanos = 0;
    long smoothNanos = 0;
    for (int i = 0; i < found.size(); i++) {
      FaceTracker.Track track = tracks.get(i);
      if (only >= 0 && i != only) {
        results.add(new FaceResult(track.id, track.box, null, null));
        continue;
      }
      long c0 = System.nanoTime();
      Distribution scores = classify(s.model().service(), frame, track, inputs);
      long c1 = System.nanoTime();
      Distribution smoothed = smoothing(track, s.smoother().service()).update(frame.timeMs(), scores);
      long c2 = System.nanoTime();
      classifyNanos += c1 - c0;
      smoothNanos += c2 - c1;
      results.add(new FaceResult(track.id, track.box, scores, smoothed));
    }
    StageTimes times =
        new StageTimes(decodeMs, millis(t0, t1), classifyNanos / 1e6, smoothNanos / 1e6);
    return new FrameResult(
        frame.index(),
        frame.timeMs(),
        s.detector().label(),
        s.model().label(),
        s.smoother().label(),
        results,
        times,
        frame.name());
  }

  private static Distribution classify(
      ExpressionModel model, Frame frame, FaceTracker.Track track, Map<Integer, List<ModelInput>> inputs) {
    if (inputs == null) {
      return model.classify(frame, track.box);
    }
    List<ModelInput> seen = new ArrayList<>(1);
    Distribution scores = model.classify(frame, track.box, seen::add);
    inputs.put(track.id, List.copyOf(seen));
    return scores;
  }

  /** A smoother swap starts each track's smoothing afresh with the new smoother. */
  private static Smoother.Track smoothing(FaceTracker.Track track, Smoother smoother) {
    if (track.smoother != smoother) {
      track.smoother = smoother;
      track.smoothing = smoother.newTrack();
    }
    return track.smoothing;
  }

  private static int largest(List<Face> found) {
    int best = -1;
    for (int i = 0; i < found.size(); i++) {
      if (best < 0 || found.get(i).box().area() > found.get(best).box().area()) {
        best = i;
      }
    }
    return best;
  }

  /**
   * The components for the next frame. Before the first frame the configured ones must appear
   * within the start-up timeout; afterwards a missing one keeps or falls back to another.
   */
  private Selection select() throws InterruptedException, PipelineException {
    Settings s = pipeline.settings();
    long deadline = System.nanoTime() + s.startupTimeoutMs() * 1_000_000;
    while (true) {
      Optional<Chosen<FaceDetector>> d = pick(detectors, s.detector(), s.detectorFilter());
      Optional<Chosen<ExpressionModel>> m = pick(models, s.model(), s.modelFilter());
      Optional<Chosen<Smoother>> sm = pick(smoothers, s.smoother(), s.smootherFilter());
      if (d.isPresent() && m.isPresent() && sm.isPresent()) {
        if (!started) {
          started = true;
          startNanos = System.nanoTime();
        }
        return new Selection(d.get(), m.get(), sm.get(), s);
      }
      // once start-up is complete, a component that is not there will not come by waiting
      if (System.nanoTime() > deadline || pipeline.startupComplete()) {
        throw new PipelineException(
            d.isEmpty()
                ? detectors.unavailable(s.detector(), s.detectorFilter())
                : m.isEmpty()
                    ? models.unavailable(s.model(), s.modelFilter())
                    : smoothers.unavailable(s.smoother(), s.smootherFilter()));
      }
      pipeline.detectors().awaitChange(WAIT_STEP_MS);
      s = pipeline.settings();
    }
  }

  private <T> Optional<Chosen<T>> pick(Selector<T> selector, String id, Filter filter) {
    return started ? selector.resolve(id, filter) : selector.resolveExact(id, filter);
  }

  private boolean stillRegistered(Selection s) {
    return pipeline.detectors().contains(s.detector().service())
        && pipeline.models().contains(s.model().service())
        && pipeline.smoothers().contains(s.smoother().service());
  }

  private static String describe(Selection s) {
    return s.detector().label() + " / " + s.model().label() + " / " + s.smoother().label();
  }

  private static double millis(long from, long to) {
    return (to - from) / 1e6;
  }
}

package org.expressionmirror.pipeline.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.expressionmirror.api.Box;
import org.expressionmirror.api.Comparison;
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
 * One pass over one source in two stages: {@link #detect} chooses the components for a frame and
 * finds its faces; {@link #read} tracks, classifies, smooths and publishes them. The stages may
 * run on two threads (detection of frame n+1 while frame n is read, see {@link Overlap}), each
 * frame in order through each; {@link #process} runs both on the calling thread. The components
 * are chosen once per frame and travel with it, so a swap takes effect between two frames and
 * never inside one, and every result names what made it.
 */
final class PipelineRun {
  private static final long WAIT_STEP_MS = 50;
  private static final int ATTEMPTS = 3;

  private final PipelineComponent pipeline;
  private final Selector<FaceDetector> detectors;
  private final Selector<ExpressionModel> models;
  private final Selector<Smoother> smoothers;
  private final CompareChoice<FaceDetector> compareDetectors;
  private final CompareChoice<ExpressionModel> compareModels;
  private final FaceTracker tracker = new FaceTracker();
  /** Tracks of the compare detector's faces, which have their own B smoothing. */
  private final FaceTracker compareTracker = new FaceTracker();
  private final StageStatistics stats = new StageStatistics();
  /** The detect stage's memory of where the faces were; guarded by {@link #detecting}. */
  private final RegionPass regions = new RegionPass();
  /**
   * Held while components are chosen and a detector runs: the detect stage and a frame the read
   * stage runs again never use the selectors or a detector at the same time.
   */
  private final Object detecting = new Object();
  /** When the components were ready for the first frame: waiting for them is not processing. */
  private volatile long startNanos;
  private volatile boolean started;
  private volatile long frames;
  private volatile long faces;

  /**
   * A frame on its way from the detect stage to the read stage, with the components chosen for it.
   *
   * @param pass the kind of detection pass that found {@code faces}
   * @param compareFaces the compare detector's faces; null when it has none
   */
  record Detected(
      Frame frame,
      double decodeMs,
      Selection selection,
      List<Face> faces,
      String pass,
      List<Face> compareFaces,
      long detectNanos) {}

  PipelineRun(PipelineComponent pipeline) {
    this.pipeline = pipeline;
    Settings defaults = Settings.defaults();
    this.detectors = new Selector<>(pipeline.detectors(), defaults.detector(), pipeline::error);
    this.models = new Selector<>(pipeline.models(), defaults.model(), pipeline::error);
    this.smoothers = new Selector<>(pipeline.smoothers(), defaults.smoother(), pipeline::error);
    this.compareDetectors =
        new CompareChoice<>(pipeline.detectors(), "compare.detector", pipeline::error, pipeline::origin);
    this.compareModels =
        new CompareChoice<>(pipeline.models(), "compare.model", pipeline::error, pipeline::origin);
  }

  /** Processes one frame through both stages on the calling thread. */
  FrameResult process(Frame frame, double decodeMs)
      throws InterruptedException, PipelineException, RecordException {
    return read(detect(frame, decodeMs));
  }

  /**
   * The first stage: chooses the components for the frame and finds its faces. A detector that
   * goes away during the frame makes it run again with its successor.
   */
  Detected detect(Frame frame, double decodeMs) throws InterruptedException, PipelineException {
    for (int attempt = 1; ; attempt++) {
      synchronized (detecting) {
        Selection selection = select();
        try {
          return find(frame, decodeMs, selection, true);
        } catch (RuntimeException e) {
          leftDuring(frame, selection, attempt, e);
        }
      }
    }
  }

  /**
   * The second stage: tracks, classifies, smooths and hands the result to the listeners and
   * views. A component that goes away during the frame makes the whole frame run again (chosen
   * and detected anew) with its successor.
   */
  FrameResult read(Detected detected) throws InterruptedException, PipelineException, RecordException {
    return read(detected, frame -> {});
  }

  /**
   * As {@link #read(Detected)}; the frame's array goes to {@code recycle} once no view reads it
   * any more (when a later frame is published).
   */
  FrameResult read(Detected detected, Consumer<Frame> recycle)
      throws InterruptedException, PipelineException, RecordException {
    Detected d = detected;
    for (int attempt = 1; ; attempt++) {
      try {
        return publish(d, recycle);
      } catch (RuntimeException e) {
        leftDuring(d.frame(), d.selection(), attempt, e);
        synchronized (detecting) {
          // the detect stage's regions follow its own frames, not this one run again
          d = find(d.frame(), d.decodeMs(), select(), false);
        }
      }
    }
  }

  private FrameResult publish(Detected d, Consumer<Frame> recycle) throws RecordException {
    long t0 = System.nanoTime();
    // the models' inputs are gathered only while a view asks to see them
    Map<Integer, List<ModelInput>> inputs = pipeline.inputsWanted() ? new LinkedHashMap<>() : null;
    FrameResult result = analyse(d, inputs);
    pipeline.publish(d.frame(), result, inputs, d.selection().model().service(), recycle);
    StageTimes times = result.times();
    double own = millis(t0, System.nanoTime()) - times.classifyMs() - times.smoothMs();
    stats.add(d.decodeMs(), times.detectMs(), times.classifyMs(), times.smoothMs(), own);
    frames++;
    faces += result.faces().stream().filter(FaceResult::read).count();
    return result;
  }

  /** A failure that a component's leaving explains is run again, up to {@link #ATTEMPTS} times. */
  private void leftDuring(Frame frame, Selection selection, int attempt, RuntimeException e)
      throws PipelineException {
    if (attempt >= ATTEMPTS || stillRegistered(selection)) {
      throw new PipelineException(
          "frame " + frame.index() + " failed in " + describe(selection) + ": " + e, e);
    }
    pipeline.info("a component left during frame " + frame.index() + "; running it again");
  }

  /**
   * The frame's faces by the selected detector (only around the faces of the frame before when
   * {@code regionsAllowed} and the settings ask for it) and by the compare detector.
   */
  private Detected find(Frame frame, double decodeMs, Selection s, boolean regionsAllowed) {
    long t0 = System.nanoTime();
    FaceDetector detector = s.detector().service();
    RegionPass.Found found;
    if (regionsAllowed) {
      Chosen<FaceDetector> partner = s.regionPasses();
      found =
          regions.detect(
              detector,
              partner.service(),
              partner == s.detector() ? "" : partner.id(),
              frame,
              s.settings().fullPassEvery(),
              s.settings().idlePassEvery());
    } else {
      regions.reset();
      found = new RegionPass.Found(detector.detect(frame), FaceResult.FULL_PASS);
    }
    List<Face> b = s.compareDetector() == null ? null : s.compareDetector().service().detect(frame);
    return new Detected(frame, decodeMs, s, found.faces(), found.pass(), b, System.nanoTime() - t0);
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
  private FrameResult analyse(Detected d, Map<Integer, List<ModelInput>> inputs) {
    Selection s = d.selection();
    Frame frame = d.frame();
    Settings settings = s.settings();
    List<Face> found = d.faces();
    List<FaceTracker.Track> tracks =
        tracker.assign(found, frame.timeMs(), settings.trackMinIou(), settings.trackTimeoutMs());
    int only = settings.onlyMyFace() ? Box.largest(found, Face::box) : -1;
    List<FaceResult> results = new ArrayList<>(found.size());
    long b0 = System.nanoTime();
    List<Distribution> batch = only < 0 && inputs == null && found.size() > 1 ? batch(s, frame, tracks) : null;
    long classifyNanos = System.nanoTime() - b0;
    long smoothNanos = 0;
    for (int i = 0; i < found.size(); i++) {
      FaceTracker.Track track = tracks.get(i);
      if (only >= 0 && i != only) {
        results.add(
            new FaceResult(
                track.id, track.box, null, null, found.get(i).foundBy(), settings.labelThreshold(), d.pass()));
        continue;
      }
      long c0 = System.nanoTime();
      Distribution scores = batch != null ? batch.get(i) : classify(s.model().service(), frame, track, inputs);
      long c1 = System.nanoTime();
      Distribution smoothed = smoothing(track, s.smoother().service()).update(frame.timeMs(), scores);
      long c2 = System.nanoTime();
      classifyNanos += c1 - c0;
      smoothNanos += c2 - c1;
      results.add(
          new FaceResult(
              track.id,
              track.box,
              scores,
              smoothed,
              found.get(i).foundBy(),
              settings.labelThreshold(),
              d.pass()));
    }
    Times b = new Times();
    Comparison compare = s.comparing() ? compare(frame, s, d.compareFaces(), tracks, results, b) : null;
    // the B reading is part of the frame's cost: its time goes to the stages it spent it in
    StageTimes times =
        new StageTimes(
            d.decodeMs(),
            d.detectNanos() / 1e6,
            (classifyNanos + b.classifyNanos) / 1e6,
            (smoothNanos + b.smoothNanos) / 1e6);
    return new FrameResult(
        frame.index(),
        frame.timeMs(),
        s.detector().label(),
        s.model().label(),
        s.smoother().label(),
        results,
        times,
        frame.name(),
        compare,
        d.pass());
  }

  /** Every face of the frame read in one call, which a model with an open batch size makes one inference. */
  private static List<Distribution> batch(Selection s, Frame frame, List<FaceTracker.Track> tracks) {
    List<Box> boxes = tracks.stream().map(t -> t.box).toList();
    List<Distribution> read = s.model().service().classify(frame, boxes);
    if (read.size() != boxes.size()) {
      throw new IllegalStateException(s.model().label() + " read " + read.size() + " of " + boxes.size() + " faces");
    }
    return read;
  }

  /** Nanoseconds the B reading spent per stage (its detection is in the detect stage's time). */
  private static final class Times {
    long classifyNanos;
    long smoothNanos;
  }

  /**
   * The B reading: the compare detector's own faces, or else A's faces, read by the compare
   * model, or else by A's model; "only my face" holds for B as for A.
   */
  private Comparison compare(
      Frame frame,
      Selection s,
      List<Face> compareFaces,
      List<FaceTracker.Track> aTracks,
      List<FaceResult> a,
      Times t) {
    Settings settings = s.settings();
    List<FaceTracker.Track> tracks = aTracks;
    List<Boolean> read = a.stream().map(FaceResult::read).toList();
    boolean ownFaces = compareFaces != null;
    if (ownFaces) {
      List<Face> found = compareFaces;
      tracks =
          compareTracker.assign(found, frame.timeMs(), settings.trackMinIou(), settings.trackTimeoutMs());
      int only = settings.onlyMyFace() ? Box.largest(found, Face::box) : -1;
      List<Boolean> own = new ArrayList<>(found.size());
      for (int i = 0; i < found.size(); i++) {
        own.add(only < 0 || i == only);
      }
      read = own;
    }
    ExpressionModel model = s.bModel().service();
    Smoother smoother = s.smoother().service();
    List<FaceResult> faces = new ArrayList<>(tracks.size());
    for (int i = 0; i < tracks.size(); i++) {
      FaceTracker.Track track = tracks.get(i);
      if (!read.get(i)) {
        faces.add(new FaceResult(track.id, track.box, null, null, settings.labelThreshold()));
        continue;
      }
      long c0 = System.nanoTime();
      Distribution scores = model.classify(frame, track.box);
      long c1 = System.nanoTime();
      Smoother.Track smoothing = ownFaces ? smoothing(track, smoother) : compareSmoothing(track, smoother);
      Distribution smoothed = smoothing.update(frame.timeMs(), scores);
      t.classifyNanos += c1 - c0;
      t.smoothNanos += System.nanoTime() - c1;
      faces.add(new FaceResult(track.id, track.box, scores, smoothed, settings.labelThreshold()));
    }
    return new Comparison(s.bDetector().label(), s.bModel().label(), faces);
  }

  /** B's smoothing of a face A found: beside A's own, so neither disturbs the other. */
  private static Smoother.Track compareSmoothing(FaceTracker.Track track, Smoother smoother) {
    if (track.compareSmoother != smoother) {
      track.compareSmoother = smoother;
      track.compareSmoothing = smoother.newTrack();
    }
    return track.compareSmoothing;
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
      boolean compareReady =
          started
              || (compareDetectors.available(s.compareDetector())
                  && compareModels.available(s.compareModel()));
      if (d.isPresent() && m.isPresent() && sm.isPresent() && compareReady) {
        if (!started) {
          started = true;
          startNanos = System.nanoTime();
        }
        return new Selection(
            d.get(),
            m.get(),
            sm.get(),
            s,
            compareDetectors.resolve(s.compareDetector()).orElse(null),
            compareModels.resolve(s.compareModel()).orElse(null),
            regionPartner(d.get(), s));
      }
      // once start-up is complete, a component that is not there will not come by waiting
      if (System.nanoTime() > deadline || pipeline.startupComplete()) {
        throw new PipelineException(
            d.isEmpty()
                ? detectors.unavailable(s.detector(), s.detectorFilter())
                : m.isEmpty()
                    ? models.unavailable(s.model(), s.modelFilter())
                    : sm.isEmpty()
                        ? smoothers.unavailable(s.smoother(), s.smootherFilter())
                        : compareDetectors.available(s.compareDetector())
                            ? compareModels.unavailable(s.compareModel())
                            : compareDetectors.unavailable(s.compareDetector()));
      }
      pipeline.detectors().awaitChange(WAIT_STEP_MS);
      s = pipeline.settings();
    }
  }

  /**
   * The detector's partner for the region passes (its {@value RegionPass#PARTNER} service
   * property) when there are region passes and the partner is registered; null when the detector
   * does them itself.
   */
  private Chosen<FaceDetector> regionPartner(Chosen<FaceDetector> detector, Settings s) {
    if (s.fullPassEvery() <= 1
        || !(pipeline.detectors().property(detector.service(), RegionPass.PARTNER) instanceof String id)
        || id.isBlank()
        || id.equals(detector.id())) {
      return null;
    }
    return pipeline.detectors().find(id, null).orElse(null);
  }

  private <T> Optional<Chosen<T>> pick(Selector<T> selector, String id, Filter filter) {
    return started ? selector.resolve(id, filter) : selector.resolveExact(id, filter);
  }

  private boolean stillRegistered(Selection s) {
    return pipeline.detectors().contains(s.detector().service())
        && pipeline.models().contains(s.model().service())
        && pipeline.smoothers().contains(s.smoother().service())
        && (s.compareDetector() == null || pipeline.detectors().contains(s.compareDetector().service()))
        && (s.compareModel() == null || pipeline.models().contains(s.compareModel().service()))
        && (s.regionDetector() == null || pipeline.detectors().contains(s.regionDetector().service()));
  }

  private static String describe(Selection s) {
    String own = s.detector().label() + " / " + s.model().label() + " / " + s.smoother().label();
    return s.comparing() ? own + " (compared with " + s.bDetector().label() + " / " + s.bModel().label() + ")" : own;
  }

  private static double millis(long from, long to) {
    return (to - from) / 1e6;
  }
}

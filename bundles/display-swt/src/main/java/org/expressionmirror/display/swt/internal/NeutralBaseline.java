package org.expressionmirror.display.swt.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.expressionmirror.api.Box;
import org.expressionmirror.api.FaceResult;
import org.expressionmirror.api.FrameResult;

/**
 * The user's neutral face: the mean expression distribution of the main face over three seconds,
 * against which the window then shows readings. Numbers in memory only, never written anywhere;
 * gone when the window closes. Time is passed in (nanoseconds), so the arithmetic is testable
 * without waiting. Thread-safe: frames come in on the pipeline thread, so a busy window (which
 * may drop repaints) still takes every frame of the three seconds; the UI thread reads.
 */
final class NeutralBaseline {
  static final long RECORD_NANOS = TimeUnit.SECONDS.toNanos(3);

  enum State {
    /** No baseline: readings are absolute. */
    NONE,
    /** Collecting the main face's readings. */
    RECORDING,
    /** Readings are shown relative to the baseline. */
    ACTIVE,
    /** The last recording saw no face, so no baseline was kept. */
    NO_FACE
  }

  private State state = State.NONE;
  private long startNanos;
  private final Map<String, Double> sums = new LinkedHashMap<>();
  private int samples;
  private Map<String, Double> baseline = Map.of();

  /** Starts (or restarts) a recording; an earlier baseline is dropped. */
  synchronized void start(long nowNanos) {
    state = State.RECORDING;
    startNanos = nowNanos;
    sums.clear();
    samples = 0;
    baseline = Map.of();
  }

  /** Forgets the baseline (and a recording under way). */
  synchronized void clear() {
    state = State.NONE;
    sums.clear();
    samples = 0;
    baseline = Map.of();
  }

  /**
   * Takes the main (largest) face of a frame shown while recording. The model's own scores are
   * averaged, not the smoothed ones, which still carry what the face showed before the recording.
   */
  synchronized void add(FrameResult result, long nowNanos) {
    if (!update(nowNanos)) {
      return;
    }
    Optional<FaceResult> main = Box.largestOf(result.faces(), FaceResult::box);
    if (main.isEmpty() || main.get().scores() == null) {
      return;
    }
    for (Map.Entry<String, Double> e : main.get().scores().probabilities().entrySet()) {
      sums.merge(e.getKey(), e.getValue(), Double::sum);
    }
    samples++;
  }

  /**
   * Ends a recording whose three seconds are over, also when no frame came; returns whether a
   * recording is still under way.
   */
  synchronized boolean update(long nowNanos) {
    if (state != State.RECORDING) {
      return false;
    }
    if (nowNanos - startNanos < RECORD_NANOS) {
      return true;
    }
    finish();
    return false;
  }

  private void finish() {
    if (samples == 0) {
      state = State.NO_FACE;
      return;
    }
    Map<String, Double> mean = new LinkedHashMap<>();
    sums.forEach((label, sum) -> mean.put(label, sum / samples));
    baseline = Collections.unmodifiableMap(mean);
    state = State.ACTIVE;
  }

  synchronized State state() {
    return state;
  }

  /** Seconds left of the recording, 0 when none is under way. */
  synchronized double secondsLeft(long nowNanos) {
    if (state != State.RECORDING) {
      return 0;
    }
    return Math.max(0, (RECORD_NANOS - (nowNanos - startNanos)) / 1e9);
  }

  /** How many frames with a face the recording took so far (or the baseline was made of). */
  synchronized int samples() {
    return samples;
  }

  /** The mean distribution: label to probability; empty unless {@link State#ACTIVE}. */
  synchronized Map<String, Double> baseline() {
    return baseline;
  }

  /**
   * The baseline of one label for a face's readings, or empty when readings of that face are
   * absolute: no baseline, or not the main face (another person's face is not yours).
   */
  synchronized Optional<Double> of(String label, FaceResult face, FaceResult main) {
    if (state != State.ACTIVE || face != main) {
      return Optional.empty();
    }
    return Optional.of(baseline.getOrDefault(label, 0.0));
  }

  /** A reading relative to its baseline, in signed percentage points. */
  static double relativePoints(double probability, double baseline) {
    return (probability - baseline) * 100;
  }
}

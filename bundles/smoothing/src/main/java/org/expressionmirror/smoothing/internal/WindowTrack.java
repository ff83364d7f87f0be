package org.expressionmirror.smoothing.internal;

import java.util.ArrayDeque;
import java.util.List;
import java.util.function.DoubleSupplier;
import org.expressionmirror.api.Distribution;
import org.expressionmirror.api.Smoother;

/**
 * Mean of the readings of the last {@code window} seconds of source time: readings older than
 * {@code now - window} are dropped, the newest is always kept.
 */
final class WindowTrack implements Smoother.Track {
  private record Sample(double timeMs, double[] values) {}

  private final DoubleSupplier windowSeconds;
  private final ArrayDeque<Sample> samples = new ArrayDeque<>();
  private List<String> labels;

  WindowTrack(DoubleSupplier windowSeconds) {
    this.windowSeconds = windowSeconds;
  }

  @Override
  public Distribution update(double timeMs, Distribution scores) {
    List<String> current = scores.labels();
    if (!current.equals(labels) || (!samples.isEmpty() && timeMs < samples.peekLast().timeMs())) {
      // Another model's labels, or the source went back: the old readings no longer apply.
      samples.clear();
      labels = current;
    }
    samples.addLast(new Sample(timeMs, Scores.values(labels, scores)));
    double oldestKept = timeMs - windowSeconds.getAsDouble() * 1000.0;
    while (samples.peekFirst().timeMs() <= oldestKept) {
      samples.removeFirst();
    }
    return Scores.normalised(labels, sum());
  }

  /** Recomputed each time rather than kept running, so rounding cannot drift over a long run. */
  private double[] sum() {
    double[] sum = new double[labels.size()];
    for (Sample s : samples) {
      for (int i = 0; i < sum.length; i++) {
        sum[i] += s.values()[i];
      }
    }
    return sum;
  }

  int size() {
    return samples.size();
  }
}

package org.expressionmirror.smoothing.internal;

import java.util.List;
import java.util.function.DoubleSupplier;
import org.expressionmirror.api.Distribution;
import org.expressionmirror.api.Smoother;

/**
 * Exponential moving average in source time. Each update moves the state towards the new scores
 * by {@code 1 - 2^(-dt / halfLife)}: the weight of old scores halves every half-life whatever the
 * frame rate, and a gap of skipped frames simply counts as a longer {@code dt}.
 */
final class EmaTrack implements Smoother.Track {
  private final DoubleSupplier halfLifeSeconds;
  private List<String> labels;
  private double[] state;
  private double lastMs;

  /** The half-life is read at each update, so a configuration change applies to live tracks. */
  EmaTrack(DoubleSupplier halfLifeSeconds) {
    this.halfLifeSeconds = halfLifeSeconds;
  }

  @Override
  public Distribution update(double timeMs, Distribution scores) {
    List<String> current = scores.labels();
    if (state == null || !current.equals(labels) || timeMs < lastMs) {
      // First reading, another model's labels, or the source went back: start afresh.
      labels = current;
      state = Scores.values(labels, scores);
    } else {
      double weight = weight((timeMs - lastMs) / 1000.0, halfLifeSeconds.getAsDouble());
      for (int i = 0; i < state.length; i++) {
        state[i] += weight * (scores.get(labels.get(i)) - state[i]);
      }
    }
    lastMs = timeMs;
    return Scores.normalised(labels, state);
  }

  /** The share of the new reading after {@code dtSeconds}; 0 for a reading at the same time. */
  static double weight(double dtSeconds, double halfLifeSeconds) {
    return 1 - Math.pow(2, -dtSeconds / halfLifeSeconds);
  }
}

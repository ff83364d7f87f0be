package org.expressionmirror.smoothing.internal;

import java.util.List;
import org.expressionmirror.api.Distribution;

/** Helpers shared by the tracks: distributions to arrays and back. */
final class Scores {
  private Scores() {}

  static double[] values(List<String> labels, Distribution scores) {
    double[] values = new double[labels.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = scores.get(labels.get(i));
    }
    return values;
  }

  /**
   * A distribution of the given weights, divided by their sum: averaging and blending keep the
   * sum at 1 only up to rounding, and the API checks it.
   */
  static Distribution normalised(List<String> labels, double[] weights) {
    double sum = 0;
    for (double w : weights) {
      sum += w;
    }
    double[] p = new double[weights.length];
    for (int i = 0; i < p.length; i++) {
      p[i] = weights[i] / sum;
    }
    return Distribution.of(labels, p);
  }

  /** Checks a configuration value: positive and finite, else a message naming the key and value. */
  static double positiveSeconds(String pid, String key, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(
          pid + ": " + key + " must be a positive, finite number of seconds, got " + value);
    }
    return value;
  }
}

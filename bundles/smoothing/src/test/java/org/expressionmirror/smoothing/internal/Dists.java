package org.expressionmirror.smoothing.internal;

import java.util.List;
import org.expressionmirror.api.Distribution;

/** Three-label distributions for the tests. */
final class Dists {
  static final List<String> LABELS = List.of("happiness", "neutral", "sadness");

  private Dists() {}

  static Distribution of(double happiness, double neutral, double sadness) {
    return Distribution.of(LABELS, new double[] {happiness, neutral, sadness});
  }

  static final Distribution HAPPY = of(1, 0, 0);
  static final Distribution SAD = of(0, 0, 1);
}

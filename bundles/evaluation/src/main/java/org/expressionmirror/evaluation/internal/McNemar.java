package org.expressionmirror.evaluation.internal;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.special.Gamma;

/**
 * McNemar's test of two models on the same images, from the discordant pairs only: {@code b}
 * images only the first model gets right, {@code c} only the second. Under "both are equally
 * accurate" each discordant image is a fair coin, so b ~ Binomial(b + c, 1/2).
 *
 * <p>Both usual forms are computed. The exact binomial p-value is the one the report states as
 * the test's result: it is exact at every count, while the chi-square approximation is poor when
 * b + c is small (the common rule of thumb is below 25), which is where a class-sized comparison
 * usually is. The chi-square statistic with continuity correction, (|b - c| - 1)^2 / (b + c), and
 * its p-value are printed beside it because that is the form textbooks show.
 *
 * @param b images only the first model gets right
 * @param c images only the second model gets right
 * @param exactP two-sided exact binomial p-value: min(1, 2 P(X <= min(b, c))), X ~ Bin(b + c, 1/2);
 *     1 when there is no discordant image
 * @param chiSquare (max(0, |b - c| - 1))^2 / (b + c); null when b + c = 0
 * @param chiSquareP upper tail of the chi-square distribution with 1 degree of freedom; null when b
 *     + c = 0
 * @param test which p-value is the result: {@code exact binomial}
 */
record McNemar(long b, long c, double exactP, Double chiSquare, Double chiSquareP, String test) {
  static final String EXACT = "exact binomial";

  static McNemar of(long b, long c) {
    if (b < 0 || c < 0) {
      throw new IllegalArgumentException("discordant counts must not be negative: b=" + b + ", c=" + c);
    }
    long n = b + c;
    if (n == 0) {
      return new McNemar(b, c, 1.0, null, null, EXACT);
    }
    // no random generator: the distributions are only asked for probabilities, never sampled
    BinomialDistribution binomial = new BinomialDistribution(null, Math.toIntExact(n), 0.5);
    // The lower tail summed term by term, not cumulativeProbability(): that one is 1 minus the
    // upper tail, and on a test set of thousands (b = 314, c = 600) the p-value of about 2e-21
    // vanishes into 1 - 1 = 0.
    double tail = 0;
    for (int k = 0; k <= Math.min(b, c); k++) {
      tail += binomial.probability(k);
    }
    double exact = Math.min(1.0, 2 * tail);
    // max(0, ...): with b = c the corrected difference is 0, not (-1)^2
    double d = Math.max(0, Math.abs(b - c) - 1);
    double chi = d * d / n;
    // the chi-square upper tail with 1 degree of freedom is Q(1/2, x/2), computed as such for the
    // same reason (ChiSquaredDistribution offers only 1 - cdf)
    return new McNemar(b, c, exact, chi, Gamma.regularizedGammaQ(0.5, chi / 2), EXACT);
  }
}

package org.expressionmirror.evaluation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** McNemar figures worked out by hand. */
class McNemarTest {
  @Test
  void tenAgainstTwo() {
    McNemar m = McNemar.of(10, 2);
    // exact: 2 * (C(12,0) + C(12,1) + C(12,2)) / 2^12 = 2 * 79 / 4096
    assertEquals(2.0 * 79 / 4096, m.exactP(), 1e-12);
    assertEquals(0.0386, m.exactP(), 5e-5);
    // (|10 - 2| - 1)^2 / 12 = 49 / 12
    assertEquals(49.0 / 12, m.chiSquare(), 1e-12);
    assertEquals(0.0433, m.chiSquareP(), 5e-5);
    assertEquals("exact binomial", m.test());
  }

  @Test
  void theTestIsSymmetricInTheTwoModels() {
    McNemar ab = McNemar.of(3, 9);
    McNemar ba = McNemar.of(9, 3);
    assertEquals(ab.exactP(), ba.exactP(), 1e-15);
    assertEquals(ab.chiSquare(), ba.chiSquare(), 1e-15);
    // 2 * (1 + 12 + 66 + 220) / 4096
    assertEquals(2.0 * 299 / 4096, ab.exactP(), 1e-12);
  }

  @Test
  void equalCountsGiveNoEvidence() {
    McNemar m = McNemar.of(5, 5);
    assertEquals(1.0, m.exactP(), 1e-12, "2 * P(X <= 5) > 1 is capped at 1");
    assertEquals(0.0, m.chiSquare(), 1e-15);
    assertEquals(1.0, m.chiSquareP(), 1e-12);
  }

  @Test
  void oneSidedAllDiscordantPairs() {
    // b = 6, c = 0: 2 * 0.5^6
    McNemar m = McNemar.of(6, 0);
    assertEquals(2.0 / 64, m.exactP(), 1e-12);
    assertEquals(25.0 / 6, m.chiSquare(), 1e-12);
  }

  @Test
  void largeCountsAgreeWithTheNormalApproximation() {
    // b = 300, c = 240: chi-square (59^2)/540 = 6.446; the exact and chi-square p come close
    McNemar m = McNemar.of(300, 240);
    assertEquals(3481.0 / 540, m.chiSquare(), 1e-9);
    assertEquals(m.chiSquareP(), m.exactP(), 0.001);
  }

  @Test
  void tinyPValuesOfALargeTestSetKeepTheirSize() {
    // FER2013 PrivateTest, faceapi-expression against minixception-fer2013: b = 314, c = 600.
    // exact: 2 * sum_{k<=314} C(914, k) / 2^914 = 1.9954e-21 (summed in exact integer arithmetic)
    McNemar m = McNemar.of(314, 600);
    java.math.BigInteger sum = java.math.BigInteger.ZERO;
    java.math.BigInteger choose = java.math.BigInteger.ONE;
    for (int k = 0; k <= 314; k++) {
      sum = sum.add(choose);
      choose = choose.multiply(java.math.BigInteger.valueOf(914 - k)).divide(java.math.BigInteger.valueOf(k + 1));
    }
    double expected =
        new java.math.BigDecimal(sum.shiftLeft(1))
            .divide(new java.math.BigDecimal(java.math.BigInteger.ONE.shiftLeft(914)), java.math.MathContext.DECIMAL64)
            .doubleValue();
    assertEquals(1.9954e-21, expected, 1e-25);
    assertEquals(expected, m.exactP(), expected * 1e-9);
    // (285^2)/914 = 88.868; upper tail erfc(sqrt(x/2)) = 4.2214e-21 (Python math.erfc)
    assertEquals(81225.0 / 914, m.chiSquare(), 1e-9);
    assertEquals(4.2214e-21, m.chiSquareP(), 1e-25);
  }

  @Test
  void noDiscordantImageMeansNoStatistic() {
    McNemar m = McNemar.of(0, 0);
    assertEquals(1.0, m.exactP());
    assertNull(m.chiSquare());
    assertNull(m.chiSquareP());
    assertThrows(IllegalArgumentException.class, () -> McNemar.of(-1, 2));
  }
}

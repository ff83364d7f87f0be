package org.expressionmirror.pipeline.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.expressionmirror.api.StageStats;
import org.junit.jupiter.api.Test;

class StageStatisticsTest {
  @Test
  void medianAndP95AreNearestRank() {
    StageStatistics s = new StageStatistics();
    for (int i = 1; i <= 100; i++) {
      s.add(i, 2 * i, 0, 0, 0);
    }
    StageStats decode = s.summary().get("decode");
    assertEquals(50, decode.medianMs());
    assertEquals(95, decode.p95Ms());
    assertEquals(190, s.summary().get("detect").p95Ms());
  }

  @Test
  void anEmptyRunHasZeros() {
    assertEquals(0, new StageStatistics().summary().get("classify").medianMs());
  }
}

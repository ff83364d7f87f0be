package org.expressionmirror.face.blazeface.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class NmsTest {
  private static final Detection STRONG = Detection.box(0.9f, 50, 50, 20, 20);
  // Shifted by 2 px: IoU 0.82 with STRONG.
  private static final Detection NEIGHBOUR = Detection.box(0.6f, 52, 50, 20, 20);
  private static final Detection FAR = Detection.box(0.8f, 100, 100, 20, 20);

  @Test
  void weightedMergeAveragesTheClusterByScoreAndKeepsTheBestScore() {
    List<Detection> out = Nms.apply(List.of(NEIGHBOUR, FAR, STRONG), 0.3f, 10, true);
    assertEquals(2, out.size());
    Detection merged = out.get(0);
    assertEquals(0.9f, merged.score(), 1e-6);
    assertEquals((50 * 0.9f + 52 * 0.6f) / 1.5f, merged.cx(), 1e-4);
    assertEquals(50, merged.cy(), 1e-4);
    assertEquals(20, merged.width(), 1e-4);
    assertEquals(FAR.cx(), out.get(1).cx(), 1e-4);
  }

  @Test
  void plainNmsKeepsTheStrongestGeometry() {
    List<Detection> out = Nms.apply(List.of(NEIGHBOUR, STRONG, FAR), 0.3f, 10, false);
    assertEquals(List.of(STRONG, FAR), out);
  }

  @Test
  void overlapBelowTheThresholdKeepsBothDetections() {
    // Shifted by 12 px: IoU 8*20 / (800 - 160) = 0.25.
    Detection side = Detection.box(0.7f, 62, 50, 20, 20);
    assertEquals(0.25f, STRONG.iou(side), 1e-4);
    assertEquals(2, Nms.apply(List.of(STRONG, side), 0.3f, 10, true).size());
    assertEquals(1, Nms.apply(List.of(STRONG, side), 0.2f, 10, true).size());
  }

  @Test
  void resultIsSortedByScoreAndCutAtMaxFaces() {
    Detection weak = Detection.box(0.5f, 200, 200, 20, 20);
    List<Detection> out = Nms.apply(List.of(weak, FAR, STRONG), 0.3f, 2, true);
    assertEquals(2, out.size());
    assertEquals(0.9f, out.get(0).score(), 1e-6);
    assertEquals(0.8f, out.get(1).score(), 1e-6);
  }

  @Test
  void nothingInNothingOut() {
    assertEquals(List.of(), Nms.apply(List.of(), 0.3f, 10, true));
  }
}

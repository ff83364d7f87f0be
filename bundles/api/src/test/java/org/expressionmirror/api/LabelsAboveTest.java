package org.expressionmirror.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The labels a face shows and records besides its three strongest: those at the threshold or above. */
class LabelsAboveTest {
  private static final Box BOX = new Box(0, 0, 10, 10);
  private static final Distribution MIXED =
      new Distribution(
          Map.of(
              Expressions.HAPPINESS, 0.35,
              Expressions.SURPRISE, 0.30,
              Expressions.NEUTRAL, 0.29,
              Expressions.SADNESS, 0.06));

  @Test
  void labelsAtOrAboveTheThresholdStrongestFirst() {
    FaceResult face = new FaceResult(1, BOX, MIXED, MIXED, 0.3);
    assertEquals(List.of(Expressions.HAPPINESS, Expressions.SURPRISE), List.copyOf(face.labelsAbove().keySet()));
    assertEquals(0.35, face.labelsAbove().get(Expressions.HAPPINESS));
  }

  @Test
  void aLowThresholdTakesMoreThanThreeLabels() {
    FaceResult face = new FaceResult(1, BOX, MIXED, MIXED, 0.05);
    assertEquals(
        List.of(Expressions.HAPPINESS, Expressions.SURPRISE, Expressions.NEUTRAL, Expressions.SADNESS),
        List.copyOf(face.labelsAbove().keySet()));
  }

  @Test
  void thresholdOneTakesOnlyACertainLabel() {
    assertTrue(new FaceResult(1, BOX, MIXED, MIXED, 1.0).labelsAbove().isEmpty());
    Distribution sure = new Distribution(Map.of(Expressions.ANGER, 1.0));
    assertEquals(Map.of(Expressions.ANGER, 1.0), new FaceResult(1, BOX, sure, sure, 1.0).labelsAbove());
  }

  @Test
  void theSmoothedDistributionCountsNotTheFramesScores() {
    Distribution scores = new Distribution(Map.of(Expressions.ANGER, 0.9, Expressions.NEUTRAL, 0.1));
    FaceResult face = new FaceResult(1, BOX, scores, MIXED, 0.3);
    assertEquals(List.of(Expressions.HAPPINESS, Expressions.SURPRISE), List.copyOf(face.labelsAbove().keySet()));
  }

  @Test
  void anUnreadFaceHasNoLabels() {
    assertNull(new FaceResult(1, BOX, null, null).labelsAbove());
  }

  @Test
  void theOldConstructorUsesTheDocumentedDefault() {
    assertEquals(0.3, new FaceResult(1, BOX, MIXED, MIXED).labelThreshold());
  }

  @Test
  void aThresholdOutsideZeroToOneIsRefused() {
    for (double bad : new double[] {0, -0.1, 1.01, Double.NaN}) {
      assertThrows(IllegalArgumentException.class, () -> new FaceResult(1, BOX, MIXED, MIXED, bad));
    }
  }
}

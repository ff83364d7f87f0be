package org.expressionmirror.display.swt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.expressionmirror.api.Box;
import org.expressionmirror.api.Distribution;
import org.expressionmirror.api.FaceResult;
import org.junit.jupiter.api.Test;

/** The rows beside a face: the three strongest, then the further labels at the threshold or above. */
class ShownLabelsTest {
  private static final Box BOX = new Box(0, 0, 10, 10);
  private static final Distribution SPREAD =
      new Distribution(
          Map.of("happiness", 0.3, "surprise", 0.25, "neutral", 0.2, "sadness", 0.15, "fear", 0.1));

  @Test
  void theTopThreeWhenNoFurtherLabelReachesTheThreshold() {
    assertEquals(List.of("happiness", "surprise", "neutral"), labels(new FaceResult(1, BOX, SPREAD, SPREAD, 0.3)));
  }

  @Test
  void furtherLabelsAtTheThresholdOrAboveFollowTheTopThree() {
    assertEquals(
        List.of("happiness", "surprise", "neutral", "sadness"), labels(new FaceResult(1, BOX, SPREAD, SPREAD, 0.15)));
    assertEquals(
        List.of("happiness", "surprise", "neutral", "sadness", "fear"),
        labels(new FaceResult(1, BOX, SPREAD, SPREAD, 0.1)));
  }

  @Test
  void aFaceThatWasNotReadHasNoRows() {
    assertTrue(ShownLabels.of(new FaceResult(1, BOX, null, null)).isEmpty());
  }

  private static List<String> labels(FaceResult face) {
    return ShownLabels.of(face).stream().map(Map.Entry::getKey).toList();
  }
}

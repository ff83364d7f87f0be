package org.expressionmirror.evaluation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A hand-made matrix (rows true, columns predicted):
 *
 * <pre>
 *             anger happiness neutral no face
 * anger           3         1       0       1
 * happiness       2         6       0       0
 * neutral         0         2       0       0
 * </pre>
 *
 * worked out by hand: anger P 3/5 R 3/5 F1 0.6; happiness P 6/9 R 6/8 F1 12/17; neutral P
 * undefined (never predicted) R 0; accuracy 9/15.
 */
class ConfusionTest {
  private static final double EPS = 1e-12;

  static Confusion handMade() {
    Confusion c = new Confusion(List.of("neutral", "happiness", "anger"));
    add(c, "anger", "anger", 3);
    add(c, "anger", "happiness", 1);
    add(c, "anger", null, 1);
    add(c, "happiness", "anger", 2);
    add(c, "happiness", "happiness", 6);
    add(c, "neutral", "happiness", 2);
    return c;
  }

  private static void add(Confusion c, String truth, String predicted, int times) {
    for (int i = 0; i < times; i++) {
      c.add(truth, predicted);
    }
  }

  @Test
  void labelsAreInCanonicalOrder() {
    assertEquals(List.of("anger", "happiness", "neutral"), handMade().labels());
  }

  @Test
  void totalsAndAccuracy() {
    Confusion c = handMade();
    assertEquals(15, c.total());
    assertEquals(9, c.correct());
    assertEquals(1, c.noFace());
    assertEquals(0.6, c.accuracy(), EPS);
    assertEquals(5, c.support("anger"));
    assertEquals(9, c.predicted("happiness"));
    assertEquals(2, c.count("happiness", "anger"));
  }

  @Test
  void perClassPrecisionRecallF1ByHand() {
    Confusion c = handMade();
    ClassMetrics anger = c.metrics("anger");
    assertEquals(0.6, anger.precision(), EPS);
    assertEquals(0.6, anger.recall(), EPS);
    assertEquals(0.6, anger.f1(), EPS);
    assertEquals(5, anger.support());

    ClassMetrics happiness = c.metrics("happiness");
    assertEquals(2.0 / 3, happiness.precision(), EPS);
    assertEquals(0.75, happiness.recall(), EPS);
    assertEquals(12.0 / 17, happiness.f1(), EPS);

    ClassMetrics neutral = c.metrics("neutral");
    assertNull(neutral.precision(), "never predicted: precision has no denominator");
    assertEquals(0.0, neutral.recall(), EPS);
    assertNull(neutral.f1());
    assertEquals(2, neutral.support());
  }

  @Test
  void macroMeansCountUndefinedAsZero() {
    Report r = Report.of("d", "m 1", List.of("anger", "happiness", "neutral"), "none", handMade(), List.of("anger/x.jpg"));
    assertEquals((0.6 + 2.0 / 3 + 0) / 3, r.macro().precision(), EPS);
    assertEquals((0.6 + 0.75 + 0) / 3, r.macro().recall(), EPS);
    assertEquals((0.6 + 12.0 / 17 + 0) / 3, r.macro().f1(), EPS);
    assertEquals(14, r.faces());
    assertEquals(9.0 / 14, r.faceAccuracy(), EPS);
  }

  @Test
  void confusionRowsEndWithTheNoFaceColumn() {
    assertEquals(
        List.of(List.of(3L, 1L, 0L, 1L), List.of(2L, 6L, 0L, 0L), List.of(0L, 2L, 0L, 0L)), handMade().rows());
  }

  @Test
  void refusesLabelsThatAreNotCanonicalOrNotInTheMatrix() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new Confusion(List.of("anger", "happy")));
    assertEquals("not a canonical expression label: 'happy'", e.getMessage());
    Confusion c = handMade();
    IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class, () -> c.add("fear", "anger"));
    assertEquals("label 'fear' is not in this matrix [anger, happiness, neutral]", e2.getMessage());
  }
}

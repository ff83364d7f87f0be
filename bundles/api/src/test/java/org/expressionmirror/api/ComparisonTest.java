package org.expressionmirror.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Agreement is counted on faces both readings found, by the strongest label. */
class ComparisonTest {
  private static final Distribution HAPPY =
      new Distribution(Map.of(Expressions.HAPPINESS, 0.7, Expressions.NEUTRAL, 0.3));
  private static final Distribution CALM =
      new Distribution(Map.of(Expressions.HAPPINESS, 0.4, Expressions.NEUTRAL, 0.6));

  @Test
  void sameBoxesPairByOverlapAndAgreeOnTheTopLabel() {
    List<FaceResult> a = List.of(face(1, 0, HAPPY), face(2, 200, HAPPY));
    Comparison b = new Comparison("haar@1", "b@1", List.of(face(1, 0, HAPPY), face(2, 200, CALM)));
    List<Comparison.Pair> pairs = b.pairs(a);
    assertEquals(2, pairs.size());
    assertEquals(1, b.agreeing(a));
    Comparison.Pair first = pairs.stream().filter(p -> p.a().track() == 1).findFirst().orElseThrow();
    assertSame(b.faces().get(0), first.b());
    assertTrue(first.agree());
  }

  @Test
  void facesOnlyOneSideFoundOrDidNotReadAreNotCounted() {
    List<FaceResult> a = List.of(face(1, 0, HAPPY), face(2, 200, HAPPY), face(3, 400, null));
    // B found the first face a little shifted, missed the second, read the third's place
    Comparison b =
        new Comparison("blazeface@1", "b@1", List.of(face(7, 5, CALM), face(8, 400, HAPPY)));
    List<Comparison.Pair> pairs = b.pairs(a);
    assertEquals(1, pairs.size());
    assertEquals(1, pairs.get(0).a().track());
    assertFalse(pairs.get(0).agree());
    assertEquals(0, b.agreeing(a));
  }

  @Test
  void aBFaceIsPairedOnceWithTheFaceItOverlapsMost() {
    List<FaceResult> a = List.of(face(1, 0, HAPPY), face(2, 40, CALM));
    Comparison b = new Comparison("d@1", "m@1", List.of(face(9, 38, CALM)));
    List<Comparison.Pair> pairs = b.pairs(a);
    assertEquals(1, pairs.size());
    assertEquals(2, pairs.get(0).a().track());
    assertEquals(1, b.agreeing(a));
  }

  @Test
  void aResultWithoutComparisonHasNone() {
    FrameResult r =
        new FrameResult(0, 0, "haar@1", "m@1", "ema@1", List.of(), new StageTimes(0, 0, 0, 0));
    assertEquals(null, r.compare());
    Comparison c = new Comparison("haar@1", "b@1", List.of());
    assertSame(c, r.withCompare(c).compare());
    assertEquals(r, r.withCompare(c).withCompare(null));
  }

  private static FaceResult face(int track, int x, Distribution d) {
    return new FaceResult(track, new Box(x, 0, 100, 100), d, d);
  }
}

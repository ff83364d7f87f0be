package org.expressionmirror.training.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.expressionmirror.api.teach.TeachCounts;
import org.junit.jupiter.api.Test;

/** Teach mode's sample store: counts per label, what training still needs, the cap per label. */
class TeachSamplesTest {
  private static float[] f(float v) {
    return new float[] {v, v};
  }

  @Test
  void saysWhatIsMissingUntilTwoLabelsHaveEnough() {
    TeachSamples s = new TeachSamples(2, 5);
    assertEquals("Training needs 2 expressions with at least 2 samples each: no expression has enough.", s.counts().missing());
    s.add("sadness", f(1));
    assertEquals(
        "Training needs 2 expressions with at least 2 samples each: no expression has enough (sadness 1).", s.counts().missing());
    s.add("sadness", f(2));
    s.add("anger", f(3));
    TeachCounts c = s.counts();
    assertEquals("Training needs 2 expressions with at least 2 samples each: only sadness has enough (anger 1).", c.missing());
    // canonical order, not the order of recording
    assertEquals(List.of("anger", "sadness"), List.copyOf(c.perLabel().keySet()));
    c = s.add("anger", f(4));
    assertTrue(c.ready());
    assertEquals(List.of("anger", "sadness"), s.trainable());
    s.add("fear", f(5));
    assertEquals(List.of("anger", "sadness"), s.trainable(), "fear has too few samples to take part");
  }

  @Test
  void keepsTheNewestSamplesUpToTheCap() {
    TeachSamples s = new TeachSamples(2, 3);
    for (int i = 0; i < 5; i++) {
      s.add("happiness", f(i));
    }
    assertEquals(Map.of("happiness", 3), s.counts().perLabel());
    assertEquals(2f, s.of("happiness").get(0)[0]);
    assertEquals(4f, s.of("happiness").get(2)[0]);
  }

  @Test
  void aCopyIsKeptAndForgetEmptiesIt() {
    TeachSamples s = new TeachSamples(2, 3);
    float[] v = f(1);
    s.add("neutral", v);
    v[0] = 9;
    assertEquals(1f, s.of("neutral").get(0)[0], "the caller's array is not kept");
    s.clear();
    assertEquals(0, s.counts().total());
  }

  @Test
  void refusesWhatIsNotAnExpressionLabel() {
    TeachSamples s = new TeachSamples(2, 3);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.add("emotion", f(1)));
    assertTrue(e.getMessage().startsWith("'emotion' is not an expression label"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new TeachSamples(1, 3));
  }
}

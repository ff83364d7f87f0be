package org.expressionmirror.evaluation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.expressionmirror.api.Precedence;
import org.junit.jupiter.api.Test;

/** Eval and train pick among services of one id by the pipeline's rule, and keep the others. */
class AvailableTest {
  private final Available<String> available = new Available<>();

  private String await(String id) throws InterruptedException {
    Available.Entry<String> e = available.await(id, 0, () -> true);
    return e == null ? null : e.service();
  }

  @Test
  void theNewerServesAndTheOlderAgainWhenTheNewerGoes() throws InterruptedException {
    available.add("faceapi", "old", "1", Map.of(), new Precedence(0, 10));
    available.add("faceapi", "new", "2", Map.of(), new Precedence(0, 20));
    assertEquals("new", await("faceapi"));
    available.remove("faceapi", "new");
    // before the shared rule the id was gone here although the older service was still there
    assertEquals("old", await("faceapi"));
    available.remove("faceapi", "old");
    assertNull(await("faceapi"));
    assertEquals("none", available.ids());
  }

  @Test
  void aHigherRankingWinsWhicheverCameFirst() throws InterruptedException {
    available.add("haar", "ranked", "1", Map.of("scale", 1.1), new Precedence(3, 5));
    available.add("haar", "later", "2", Map.of(), new Precedence(0, 9));
    assertEquals("ranked", await("haar"));
    assertEquals(Map.of("scale", 1.1), available.await("haar", 0, () -> true).properties());
    assertEquals("haar", available.ids());
  }
}

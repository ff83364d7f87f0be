package org.expressionmirror.display.swt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Settings locked by the running variant: shown fixed, and not changed from the window. */
class LocksTest {
  private final InMemoryConfigStore store = new InMemoryConfigStore();
  private final Controls controls =
      new Controls(store, new Locks("lesson-haar-vs-dnn", Set.of("mirror.pipeline/detector", "mirror.smoother.ema/halfLifeSeconds")));

  @Test
  void aLockedChoiceIsRefusedNamingTheVariantAndNothingIsWritten() throws Exception {
    store.write("mirror.pipeline", Map.of("detector", "haar"), false);
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> controls.select(Choices.Kind.DETECTOR, "blazeface"));
    assertEquals("detector is locked by lesson-haar-vs-dnn", e.getMessage());
    assertThrows(IllegalStateException.class, () -> controls.setSmoothingSeconds(4));
    assertEquals(Map.of("detector", "haar"), store.read("mirror.pipeline"));
    assertTrue(store.read("mirror.smoother.ema").isEmpty());
  }

  @Test
  void unlockedSettingsStillChange() throws Exception {
    controls.select(Choices.Kind.SMOOTHER, "none");
    controls.selectCompare(Choices.Kind.DETECTOR, "lbp");
    assertEquals(Map.of("smoother", "none", "compare.detector", "lbp"), store.read("mirror.pipeline"));
  }

  @Test
  void theMenusAskWhoLocksASetting() {
    assertEquals(Optional.of("lesson-haar-vs-dnn"), controls.lockedBy("mirror.pipeline", "detector"));
    assertEquals(Optional.empty(), controls.lockedBy("mirror.pipeline", "model"));
    assertEquals("(locked by lesson-haar-vs-dnn)", WindowMenus.lockText("lesson-haar-vs-dnn"));
    assertEquals(Optional.empty(), new Controls(store).lockedBy("mirror.pipeline", "detector"));
  }
}

package org.expressionmirror.pipeline.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code labelThreshold}: above 0 and at most 1; anything else is one line naming key and value. */
class LabelThresholdSettingTest {
  private static final PipelineConfig DEFAULTS = Defaults.of(PipelineConfig.class);

  @Test
  void aValueInRangeIsTaken() {
    assertEquals(0.15, Settings.from(DEFAULTS, Map.of("labelThreshold", "0.15")).labelThreshold());
    assertEquals(1.0, Settings.from(DEFAULTS, Map.of("labelThreshold", "1")).labelThreshold());
  }

  @Test
  void zeroNegativeAboveOneAndWordsAreRefused() {
    for (String bad : new String[] {"0", "-0.2", "1.5", "NaN"}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> Settings.from(DEFAULTS, Map.of("labelThreshold", bad)));
      assertEquals("mirror.pipeline: labelThreshold = '" + bad + "' must be above 0 and at most 1", e.getMessage());
    }
    IllegalArgumentException word =
        assertThrows(IllegalArgumentException.class, () -> Settings.from(DEFAULTS, Map.of("labelThreshold", "high")));
    assertEquals(
        "mirror.pipeline: labelThreshold = 'high' is not a number; must be above 0 and at most 1", word.getMessage());
  }
}

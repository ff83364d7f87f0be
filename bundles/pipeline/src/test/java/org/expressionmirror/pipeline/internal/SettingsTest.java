package org.expressionmirror.pipeline.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {
  private static final PipelineConfig DEFAULTS = Defaults.of(PipelineConfig.class);

  @Test
  void defaultsAreTheDocumentedOnes() {
    Settings s = Settings.from(DEFAULTS, Map.of());
    assertEquals("blazeface-back", s.detector());
    assertEquals("faceapi-expression", s.model());
    assertEquals("ema", s.smoother());
    assertEquals(1000, s.trackTimeoutMs());
    assertEquals(0.3, s.labelThreshold());
  }

  @Test
  void aNumberThatIsNotANumberIsRejectedNamingKeyAndValue() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Settings.from(DEFAULTS, Map.of("trackTimeoutSeconds", "soon")));
    assertEquals("mirror.pipeline: trackTimeoutSeconds = 'soon' is not a number; must be a positive number", e.getMessage());
  }

  @Test
  void idlePassEveryDefaultsTo6AndTakesAnIntegerFrom1To1000() {
    assertEquals(6, Settings.from(DEFAULTS, Map.of()).idlePassEvery());
    assertEquals(1, Settings.from(DEFAULTS, Map.of("idlePassEvery", "1")).idlePassEvery());
    assertEquals(1000, Settings.from(DEFAULTS, Map.of("idlePassEvery", 1000)).idlePassEvery());
    for (String bad : new String[] {"0", "1001", "2.5", "soon"}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> Settings.from(DEFAULTS, Map.of("idlePassEvery", bad)));
      assertEquals("mirror.pipeline: idlePassEvery = '" + bad + "' must be an integer from 1 to 1000", e.getMessage());
    }
  }

  @Test
  void aNegativeTimeoutIsRejected() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Settings.from(DEFAULTS, Map.of("startupTimeoutSeconds", "-3")));
    assertTrue(e.getMessage().contains("startupTimeoutSeconds = '-3'"), e.getMessage());
  }

  @Test
  void aBrokenFilterIsRejectedAndAGoodOneParsed() {
    PipelineConfig broken = withTarget("(detector.id=haar");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Settings.from(broken, Map.of()));
    assertTrue(e.getMessage().startsWith("mirror.pipeline: detector.target = '(detector.id=haar'"));
    assertNotNull(Settings.from(withTarget("(detector.version=4*)"), Map.of()).detectorFilter());
  }

  @Test
  void aBlankIdIsRejected() {
    PipelineConfig blank =
        (PipelineConfig)
            java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {PipelineConfig.class},
                (p, m, a) -> m.getName().equals("model") ? " " : m.getDefaultValue());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Settings.from(blank, Map.of()));
    assertTrue(e.getMessage().startsWith("mirror.pipeline: model = ' '"), e.getMessage());
  }

  private PipelineConfig withTarget(String filter) {
    return (PipelineConfig)
        java.lang.reflect.Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {PipelineConfig.class},
            (p, m, a) -> m.getName().equals("detector_target") ? filter : m.getDefaultValue());
  }
}

package org.expressionmirror.launch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The feature's configurations and locks as the launcher hands them over. */
class FeatureSettingsTest {
  @Test
  void readsTheConfigurationsAndTheLocks() throws IOException {
    Map<String, String> props =
        Map.of(
            FeatureSettings.CONFIGURATIONS,
                "{\"mirror.pipeline\":{\"detector\":\"haar\",\"compare.detector\":\"blazeface\"},"
                    + "\"mirror.detector.haar\":{\"scaleFactor\":\"1.3\"}}",
            FeatureSettings.LOCKED, "mirror.pipeline/detector, mirror.pipeline/compare.detector");
    FeatureSettings s = FeatureSettings.from(props::get);
    assertEquals(
        Map.of(
            "mirror.pipeline", Map.of("detector", "haar", "compare.detector", "blazeface"),
            "mirror.detector.haar", Map.of("scaleFactor", "1.3")),
        s.values());
    assertEquals(Set.of("mirror.pipeline/detector", "mirror.pipeline/compare.detector"), s.locked());
  }

  @Test
  void noFeaturePropertiesMeansNothingToPutInForce() throws IOException {
    FeatureSettings s = FeatureSettings.from(name -> null);
    assertEquals(Map.of(), s.values());
    assertEquals(Set.of(), s.locked());
  }

  @Test
  void textThatIsNotTheExpectedJsonIsAnError() {
    assertThrows(IOException.class, () -> FeatureSettings.from(Map.of(FeatureSettings.CONFIGURATIONS, "[1,2]")::get));
  }
}

package org.expressionmirror.face.blazeface.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {
  @Test
  void defaultsDifferOnlyInTheScoreThreshold() {
    Settings front = Settings.from(Variant.FRONT_128, TestConfigs.of(Map.of()), Map.of());
    Settings back = Settings.from(Variant.BACK_256, TestConfigs.of(Map.of()), Map.of());
    assertEquals(new Settings(0.75f, 0.6f, 0.3f, true, 10), front);
    assertEquals(new Settings(0.7f, 0.6f, 0.3f, true, 10), back);
  }

  @Test
  void eachVariantReadsItsOwnThresholdKey() {
    Map<String, Object> props =
        Map.of("scoreThreshold", "0.6", "backScoreThreshold", 0.5, "maxFaces", 3);
    assertEquals(
        0.6f, Settings.from(Variant.FRONT_128, TestConfigs.of(props), props).scoreThreshold());
    Settings back = Settings.from(Variant.BACK_256, TestConfigs.of(props), props);
    assertEquals(0.5f, back.scoreThreshold());
    assertEquals(3, back.maxFaces());
  }

  @Test
  void bothVariantsReadTheRegionThreshold() {
    Map<String, Object> props = Map.of("regionScoreThreshold", "0.55");
    for (Variant v : Variant.values()) {
      Settings s = Settings.from(v, TestConfigs.of(props), props);
      assertEquals(0.55f, s.regionScoreThreshold(), v.toString());
      assertEquals(v == Variant.FRONT_128 ? 0.75f : 0.7f, s.scoreThreshold(), v.toString());
    }
  }

  @Test
  void outOfRangeValuesNameThePidKeyAndValue() {
    assertMessage(
        Variant.FRONT_128,
        Map.of("scoreThreshold", 1.5),
        "mirror.detector.blazeface: scoreThreshold: '1.5' must be strictly between 0 and 1");
    assertMessage(
        Variant.BACK_256,
        Map.of("backScoreThreshold", 0),
        "mirror.detector.blazeface: backScoreThreshold: '0.0' must be strictly between 0 and 1");
    assertMessage(
        Variant.BACK_256,
        Map.of("regionScoreThreshold", 1),
        "mirror.detector.blazeface: regionScoreThreshold: '1.0' must be strictly between 0 and 1");
    assertMessage(
        Variant.FRONT_128,
        Map.of("nmsIouThreshold", -0.1),
        "mirror.detector.blazeface: nmsIouThreshold: '-0.1' must be strictly between 0 and 1");
    assertMessage(
        Variant.FRONT_128,
        Map.of("maxFaces", 0),
        "mirror.detector.blazeface: maxFaces: '0' must be between 1 and 1000");
  }

  @Test
  void unconvertibleValuesNameTheKeyAndTheRawValue() {
    assertMessage(
        Variant.FRONT_128,
        Map.of("scoreThreshold", "high"),
        "mirror.detector.blazeface: scoreThreshold: 'high' is not a valid value");
    assertMessage(
        Variant.BACK_256,
        Map.of("maxFaces", "many"),
        "mirror.detector.blazeface: maxFaces: 'many' is not a valid value");
    assertMessage(
        Variant.BACK_256,
        Map.of("weightedNms", "perhaps"),
        "mirror.detector.blazeface: weightedNms: 'perhaps' is not a valid value");
  }

  @Test
  void theOtherVariantsBrokenThresholdDoesNotStopThisOne() {
    Map<String, Object> props = Map.of("backScoreThreshold", 2);
    assertEquals(
        0.75f, Settings.from(Variant.FRONT_128, TestConfigs.of(props), props).scoreThreshold());
    assertThrows(
        IllegalArgumentException.class,
        () -> Settings.from(Variant.BACK_256, TestConfigs.of(props), props));
  }

  private static void assertMessage(Variant v, Map<String, Object> props, String expected) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Settings.from(v, TestConfigs.of(props), props));
    assertEquals(expected, e.getMessage());
    assertTrue(e.getMessage().lines().count() == 1);
  }
}

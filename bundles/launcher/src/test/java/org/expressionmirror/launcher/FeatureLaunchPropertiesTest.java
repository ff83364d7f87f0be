package org.expressionmirror.launcher;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the launcher hands the launch bundle so that it puts a feature's configurations in force. */
class FeatureLaunchPropertiesTest {
  private static final Feature LESSON =
      new Feature(
          "lesson",
          List.of("org.expressionmirror.api", Feature.LAUNCH_BUNDLE),
          Map.of(),
          Map.of("mirror.pipeline", Map.of("detector", "haar", "compare.detector", "blaze\"face")),
          Set.of("mirror.pipeline/detector", "mirror.pipeline/compare.detector"));

  @Test
  void configurationsGoAsJsonAndConfigAdminWaitsForTheLaunchBundlesPlugin() {
    Map<String, String> p = LESSON.launchProperties();
    assertEquals("lesson", p.get("mirror.feature"));
    assertEquals("mirror.pipeline/compare.detector,mirror.pipeline/detector", p.get("mirror.feature.locked"));
    assertEquals("mirror.feature", p.get("felix.cm.config.plugins"));
    JsonObject json = Json.createReader(new StringReader(p.get("mirror.feature.configurations"))).readObject();
    JsonObject pipeline = json.getJsonObject("mirror.pipeline");
    assertEquals("haar", pipeline.getString("detector"));
    assertEquals("blaze\"face", pipeline.getString("compare.detector"));
    assertDoesNotThrow(LESSON::requireLaunchBundle);
  }

  @Test
  void aFeatureWithoutConfigurationsLetsConfigAdminStartAtOnce() {
    Map<String, String> p = new Feature("plain", List.of("org.expressionmirror.api"), Map.of()).launchProperties();
    assertFalse(p.containsKey("felix.cm.config.plugins"));
    assertFalse(p.containsKey("mirror.feature.configurations"));
    assertEquals("", p.get("mirror.feature.locked"));
  }

  @Test
  void configurationsWithoutTheLaunchBundleAreRefused() {
    Feature noLaunch =
        new Feature("week3", List.of("org.expressionmirror.api"), Map.of(), LESSON.configurations(), Set.of());
    IOException e = assertThrows(IOException.class, noLaunch::requireLaunchBundle);
    assertTrue(e.getMessage().contains("week3") && e.getMessage().contains(Feature.LAUNCH_BUNDLE), e.getMessage());
  }
}

package org.expressionmirror.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureTest {
  @TempDir Path dir;

  @Test
  void theProjectsFeaturesResolveWithTheirIncludes() throws IOException {
    Path features = Path.of("../../features");
    Feature mirror = Feature.load(features, "mirror");
    assertEquals("org.osgi.util.function", mirror.bundles().get(0));
    assertTrue(mirror.bundles().contains("opencv"));
    assertTrue(mirror.bundles().contains("org.expressionmirror.pipeline"));
    assertTrue(mirror.bundles().contains("org.expressionmirror.display.swt"));
    assertEquals("camera:0", mirror.properties().get("mirror.source"));
    Feature headless = Feature.load(features, "headless");
    assertTrue(headless.bundles().contains("org.expressionmirror.record.jsonl"));
    assertTrue(headless.bundles().stream().noneMatch(b -> b.contains("swt")));
  }

  @Test
  void includedBundlesComeFirstAndOnce() throws IOException {
    Files.writeString(dir.resolve("a.feature"), "bundle x\nbundle y\n");
    Files.writeString(dir.resolve("b.feature"), "# comment\ninclude a\nbundle y\nbundle z\nproperty k = v\n");
    Feature b = Feature.load(dir, "b");
    assertEquals(List.of("x", "y", "z"), b.bundles());
    assertEquals("v", b.properties().get("k"));
  }

  @Test
  void anUnknownFeatureOrLineIsNamed() throws IOException {
    IOException missing = assertThrows(IOException.class, () -> Feature.load(dir, "nope"));
    assertTrue(missing.getMessage().startsWith("unknown feature 'nope'"), missing.getMessage());
    Files.writeString(dir.resolve("bad.feature"), "bundle x\nstart y\n");
    IOException bad = assertThrows(IOException.class, () -> Feature.load(dir, "bad"));
    assertTrue(bad.getMessage().endsWith("bad.feature:2: unknown line: start y"), bad.getMessage());
  }

  @Test
  void aCycleIsRefused() throws IOException {
    Files.writeString(dir.resolve("a.feature"), "include b\n");
    Files.writeString(dir.resolve("b.feature"), "include a\n");
    assertThrows(IOException.class, () -> Feature.load(dir, "a"));
  }

  /** Two features that include the same one (a diamond) are not a cycle. */
  @Test
  void aFeatureIncludedTwiceIsReadOnce() throws IOException {
    Files.writeString(dir.resolve("base.feature"), "bundle x\nproperty k=base\n");
    Files.writeString(dir.resolve("engine.feature"), "include base\nbundle y\n");
    Files.writeString(dir.resolve("app.feature"), "include base\nproperty k=app\ninclude engine\nbundle z\n");
    Feature app = Feature.load(dir, "app");
    assertEquals(List.of("x", "y", "z"), app.bundles());
    assertEquals("app", app.properties().get("k"));
  }
}

package org.expressionmirror.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JSON features read by the real Felix Feature Service, and checked against the real jars of the
 * distribution: an integration test, since {@code target/dist} is assembled in the package phase,
 * after the unit tests (a clean clone has no distribution before that).
 */
class JsonFeatureIT {
  private static final Path FEATURES = Path.of("../../features");
  private static final Path DIST = Path.of("target/dist");

  @TempDir Path dir;

  private static String feature(String body) {
    return "{\"feature-resource-version\": \"1.0\", \"id\": \"t:t:1\"" + (body.isEmpty() ? "" : ", " + body) + "}";
  }

  private static String include(String... names) {
    return "\"extensions\": {\"mirror:include\": {\"kind\": \"mandatory\", \"type\": \"text\", \"text\": [\""
        + String.join("\", \"", names) + "\"]}}";
  }

  @Test
  void theShippedLessonsSelectAndLockTheirComponents() throws IOException {
    Feature lesson = Feature.load(FEATURES, "lesson-haar-vs-dnn");
    assertEquals("haar", lesson.configurations().get("mirror.pipeline").get("detector"));
    assertEquals("blazeface", lesson.configurations().get("mirror.pipeline").get("compare.detector"));
    assertTrue(lesson.locked().contains("mirror.pipeline/detector"), lesson.locked().toString());
    assertTrue(lesson.bundles().contains("org.expressionmirror.display.swt"));
    assertEquals("camera:0", lesson.properties().get("mirror.source"));
    Feature smoothing = Feature.load(FEATURES, "lesson-smoothing");
    // the variable ${halfLife} is replaced by the feature's value
    assertEquals("2.0", smoothing.configurations().get("mirror.smoother.ema").get("halfLifeSeconds"));
    assertEquals(Set.of("mirror.pipeline/detector", "mirror.pipeline/model"), smoothing.locked());
  }

  @Test
  void anIncludingFeatureOverridesItsIncludesValues() throws IOException {
    Files.writeString(dir.resolve("a.json"), feature("\"bundles\": [{\"id\": \"g:x:1\"}], \"configurations\": {\"p\": {\"k\": 1, \"j\": [\"u\", \"v\"]}}"));
    Files.writeString(dir.resolve("b.feature"), "bundle y\nproperty q=1\n");
    Files.writeString(
        dir.resolve("c.json"),
        feature(include("a", "b") + ", \"bundles\": [{\"id\": \"g:z:1\"}], \"configurations\": {\"p\": {\"k\": true}}"));
    Feature c = Feature.load(dir, "c");
    assertEquals(List.of("x", "y", "z"), c.bundles());
    assertEquals(Map.of("k", "true", "j", "u,v"), c.configurations().get("p"));
    assertEquals("1", c.properties().get("q"));
  }

  @Test
  void aFeatureFileIsReadByItsPathAndIncludesFromTheFolders() throws IOException {
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    Files.writeString(dir.resolve("base.json"), feature("\"bundles\": [{\"id\": \"g:x:1\"}]"));
    Path file = elsewhere.resolve("mine.json");
    Files.writeString(file, feature(include("base")));
    Feature mine = Feature.load(List.of(dir), file.toString());
    assertEquals("mine", mine.name());
    assertEquals(List.of("x"), mine.bundles());
  }

  @Test
  void mistakesNameFileKeyAndValue() throws IOException {
    FeatureCheck check = new FeatureCheck(DIST.resolve("bundles"), List.of(), List.of(DIST.resolve("models")), null);
    assertProblem(
        check,
        include("headless") + ", \"configurations\": {\"mirror.pipeline\": {\"detector\": \"nope\"}}",
        "configurations: mirror.pipeline/detector = 'nope': unknown detector id (available: ");
    assertProblem(
        check,
        "\"configurations\": {\"mirror.smoother.ema\": {\"halfLifeSeconds\": \"slow\"}}",
        "configurations: mirror.smoother.ema/halfLifeSeconds = 'slow': not a number");
    assertProblem(
        check,
        "\"configurations\": {\"mirror.detector.haar\": {\"minNeighbours\": 3}}",
        "configurations: mirror.detector.haar/minNeighbours = '3': mirror.detector.haar has no key minNeighbours");
    assertProblem(
        check,
        "\"configurations\": {\"mirror.pipeline\": {\"model\": \"nope\"}}",
        "configurations: mirror.pipeline/model = 'nope': unknown model id (available: ");
    assertProblem(
        check,
        "\"bundles\": [{\"id\": \"org.example:org.example.missing:1.0\"}]",
        "bundles = 'org.example:org.example.missing:1.0': no such bundle: ");
    assertProblem(check, include("nope"), "mirror:include = 'nope': unknown feature 'nope'");
    assertProblem(
        check,
        "\"extensions\": {\"mirror:locked\": {\"kind\": \"mandatory\", \"type\": \"text\", \"text\": [\"mirror.pipeline/detector\"]}}",
        "mirror:locked = 'mirror.pipeline/detector': not a PID/key this feature configures");
    assertProblem(check, "\"bundles\": [\"g:a:1\"]", "bundles: \"g:a:1\" must be an object");
  }

  @Test
  void valuesOfTheRightKindPass() throws IOException {
    FeatureCheck check = new FeatureCheck(DIST.resolve("bundles"), List.of(), List.of(DIST.resolve("models")), null);
    Files.writeString(
        dir.resolve("ok.json"),
        feature("\"configurations\": {\"mirror.pipeline\": {\"detector\": \"lbp\", \"model\": \"minixception-fer2013\","
            + " \"smoother\": \"none\", \"compare.detector\": \"\", \"labelThreshold\": 0.5},"
            + " \"mirror.detector.haar\": {\"minNeighbors\": 3}, \"mirror.display\": {\"mirrored\": false}}"));
    Feature ok = Feature.load(List.of(dir), "ok", check);
    assertEquals("false", ok.configurations().get("mirror.display").get("mirrored"));
  }

  private void assertProblem(FeatureCheck check, String body, String expected) throws IOException {
    Path file = dir.resolve("v.json");
    Files.writeString(file, feature(body));
    IOException e = assertThrows(IOException.class, () -> Feature.load(List.of(dir, FEATURES), "v", check));
    assertTrue(e.getMessage().startsWith(file + ": " + expected), e.getMessage());
    assertEquals(1, e.getMessage().lines().count(), e.getMessage());
  }
}

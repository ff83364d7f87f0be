package org.expressionmirror.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.expressionmirror.launcher.DistributionRun.Result;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Variants as files (JSON features with configurations), run as a user runs them: a shipped
 * lesson, a feature in the user's folder and one given by path start with the components they
 * select (the record names them) without a rebuild; a locked setting keeps the feature's value
 * when the config file is edited while running; a mistake in a feature is one line naming file,
 * key and value, exit code 2, within 3 s.
 */
class VariantsIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The issue's bound for a mistake in a variant, from the command to the exit. */
  private static final double ERROR_SECONDS = 3.0;
  /** No window: the shipped lessons include the window bundle, which must then stay off. */
  private static final Map<String, String> NO_DISPLAY = Map.of("DISPLAY", "", "WAYLAND_DISPLAY", "");

  @TempDir Path work;

  @BeforeAll
  static void distributionIsBuilt() {
    assertTrue(DistributionRun.built(), "no distribution in " + DistributionRun.DIST);
  }

  private static Path photo() {
    return DistributionRun.PHOTOS.resolve("sample1.jpg");
  }

  /** A feature of the user's: the headless program with these configurations. */
  private static String feature(String configurations) {
    return feature("", configurations);
  }

  private static String feature(String lockedKey, String configurations) {
    return "{\"feature-resource-version\": \"1.0\", \"id\": \"lab:mine:1\", \"extensions\": {"
        + "\"mirror:include\": {\"kind\": \"mandatory\", \"type\": \"text\", \"text\": [\"headless\"]}"
        + (lockedKey.isEmpty()
            ? ""
            : ", \"mirror:locked\": {\"kind\": \"mandatory\", \"type\": \"text\", \"text\": [\"" + lockedKey + "\"]}")
        + "}, \"configurations\": {" + configurations + "}}";
  }

  private static List<JsonNode> frames(Path record) throws IOException {
    List<JsonNode> frames = new ArrayList<>();
    for (String line : Files.readAllLines(record)) {
      JsonNode n = JSON.readTree(line);
      if (n.has("frame")) {
        frames.add(n);
      }
    }
    return frames;
  }

  @Test
  void theShippedLessonStartsWithItsDetectorsSelected() throws Exception {
    Path out = work.resolve("lesson.jsonl");
    Result run =
        DistributionRun.start(
                work, NO_DISPLAY, "--feature", "lesson-haar-vs-dnn", "--headless", "--source", photo().toString(), "--out", out.toString())
            .await(120);
    assertEquals(0, run.exit(), run.err());
    JsonNode first = frames(out).get(0);
    // runtime-config has no compare detector: both come from the lesson
    assertTrue(first.get("detector").asText().startsWith("haar@"), first.toString());
    assertTrue(first.get("compare").get("detector").asText().startsWith("blazeface@"), first.toString());
  }

  @Test
  void aFeatureInTheUsersFolderOverridesTheConfigFolderFromTheFirstFrame() throws Exception {
    Path features = Files.createDirectories(DistributionRun.userData(work).resolve("features"));
    Files.writeString(
        features.resolve("mine.json"),
        feature("\"mirror.pipeline\": {\"detector\": \"blazeface\", \"smoother\": \"none\"}"));
    Path out = work.resolve("mine.jsonl");
    Result run = DistributionRun.run(work, "--feature", "mine", "--headless", "--source", photo().toString(), "--out", out.toString());
    assertEquals(0, run.exit(), run.err());
    JsonNode first = frames(out).get(0);
    // runtime-config/mirror.pipeline.cfg says haar and ema
    assertTrue(first.get("detector").asText().startsWith("blazeface@"), first.toString());
    assertTrue(first.get("smoother").asText().startsWith("none@"), first.toString());
  }

  @Test
  void aFeatureFileGivenByPathIsUsed() throws Exception {
    Path file = Files.writeString(
        Files.createDirectories(work.resolve("lab")).resolve("lbp-lesson.json"),
        feature("\"mirror.pipeline\": {\"detector\": \"lbp\"}"));
    Path out = work.resolve("lbp.jsonl");
    Result run = DistributionRun.run(work, "--feature", file.toString(), "--headless", "--source", photo().toString(), "--out", out.toString());
    assertEquals(0, run.exit(), run.err());
    assertTrue(frames(out).get(0).get("detector").asText().startsWith("lbp@"), frames(out).get(0).toString());
  }

  /**
   * While a clip plays, the config file is saved with another detector and smoother: the locked
   * detector keeps the feature's value, the unlocked smoother follows the edit.
   */
  @Test
  void aLockedSettingKeepsTheFeaturesValueWhenTheFileIsEdited() throws Exception {
    Path config = Files.createDirectories(work.resolve("config"));
    try (Stream<Path> shipped = Files.list(DistributionRun.CONFIG)) {
      for (Path f : shipped.toList()) {
        Files.copy(f, config.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Path file = Files.writeString(
        work.resolve("locked.json"),
        feature("mirror.pipeline/detector", "\"mirror.pipeline\": {\"detector\": \"lbp\", \"smoother\": \"ema\"}"));
    Path clip = MjpegAvi.minute(DistributionRun.PHOTOS.resolve("sample4.jpg"), work.resolve("minute.avi"));
    Path out = work.resolve("locked.jsonl");
    Path partial = work.resolve("locked.jsonl.partial");
    DistributionRun.Started mirror =
        DistributionRun.start(
            work, NO_DISPLAY, "--feature", file.toString(), "--headless", "--realtime", "--config", config.toString(),
            "--source", clip.toString(), "--out", out.toString());
    try {
      DistributionRun.awaitRecording(mirror, partial, 90);
      String cfg = Files.readString(config.resolve("mirror.pipeline.cfg"));
      Files.writeString(
          config.resolve("mirror.pipeline.cfg"),
          cfg.replaceAll("(?m)^detector=.*$", "detector=blazeface").replaceAll("(?m)^smoother=.*$", "smoother=none"));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (frames(partial).stream().noneMatch(f -> f.get("smoother").asText().startsWith("none@"))) {
        assertTrue(mirror.process().isAlive(), "ended: " + Files.readString(mirror.err()));
        assertTrue(System.nanoTime() < deadline, "the unlocked smoother did not follow the edited file");
        Thread.sleep(250);
      }
    } finally {
      mirror.process().destroy();
    }
    assertTrue(mirror.process().waitFor(30, TimeUnit.SECONDS));
    List<JsonNode> frames = frames(Files.exists(out) ? out : partial);
    assertTrue(frames.size() > 1, frames.toString());
    for (JsonNode f : frames) {
      assertTrue(f.get("detector").asText().startsWith("lbp@"), "locked detector changed: " + f);
    }
  }

  @Test
  void aMistakeIsOneLineNamingFileKeyAndValueWithinThreeSeconds() throws Exception {
    assertRefused(
        "\"mirror.pipeline\": {\"detector\": \"nope\"}",
        ": configurations: mirror.pipeline/detector = 'nope': unknown detector id (available: ");
    assertRefused(
        "\"mirror.smoother.ema\": {\"halfLifeSeconds\": \"slow\"}",
        ": configurations: mirror.smoother.ema/halfLifeSeconds = 'slow': not a number");
    String missingBundle =
        "{\"feature-resource-version\": \"1.0\", \"id\": \"lab:mine:1\","
            + " \"bundles\": [{\"id\": \"org.example:org.example.gone:1.0\"}]}";
    assertRefusedFile(missingBundle, ": bundles = 'org.example:org.example.gone:1.0': no such bundle: ");
  }

  private void assertRefused(String body, String expected) throws Exception {
    assertRefusedFile(feature(body), expected);
  }

  private void assertRefusedFile(String content, String expected) throws Exception {
    Path file = Files.writeString(work.resolve("bad.json"), content);
    long t0 = System.nanoTime();
    Result run = DistributionRun.run(work, "--feature", file.toString(), "--headless", "--source", photo().toString());
    double seconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf("VariantsIT: %s: exit %d after %.2f s%n", expected.strip(), run.exit(), seconds);
    assertEquals(2, run.exit(), run.err());
    List<String> lines = run.err().lines().filter(l -> !l.isBlank()).toList();
    assertEquals(1, lines.size(), run.err());
    assertTrue(lines.get(0).startsWith("error: " + file + expected), run.err());
    assertTrue(seconds <= ERROR_SECONDS, "took " + seconds + " s");
  }
}

package org.expressionmirror.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javax.imageio.ImageIO;
import org.expressionmirror.launcher.DistributionRun.Result;
import org.expressionmirror.launcher.DistributionRun.Started;
import org.expressionmirror.platform.ffmpeg.internal.TestVideoWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compare mode (A/B) with the built program and its real detectors and models: a second model or
 * detector runs beside the first on the same frames, each record line carries both readings with
 * their ids, and switching the comparison on and off by editing {@code mirror.pipeline.cfg} while
 * the program runs loses no frame.
 */
class CompareModeIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PIPELINE = "mirror.pipeline.cfg";
  private static final String PLAIN = "detector=haar\nmodel=faceapi-expression\nsmoother=ema\n";
  /** Frames of the generated clip for the switching run. */
  private static final int FRAMES = 360;
  private static final int LINES_BEFORE_SWITCH = 30;

  @TempDir static Path work;
  private static Path photos;

  @BeforeAll
  static void distributionAndPhotos() throws Exception {
    assertTrue(DistributionRun.built(), "no distribution in " + DistributionRun.DIST);
    photos = Files.createDirectories(work.resolve("photos"));
    for (String name : List.of("sample3.jpg", "sample5.jpg", "sample6.jpg")) {
      Files.copy(DistributionRun.PHOTOS.resolve(name), photos.resolve(name));
    }
  }

  @Test
  void aSecondModelReadsTheSameFacesAndEveryLineCarriesBothReadings() throws Exception {
    Path config = config("model-only", PLAIN + "compare.model=minixception-fer2013\n");
    Path out = work.resolve("compare-model.jsonl");
    Result run = headless(config, out);
    assertEquals(0, run.exit(), run.err());
    List<JsonNode> lines = frames(out);
    assertEquals(3, lines.size());
    int pairs = 0;
    for (JsonNode line : lines) {
      assertTrue(line.get("model").asText().startsWith("faceapi-expression@"), line.toString());
      JsonNode b = line.get("compare");
      assertTrue(b != null, "no compare reading in " + line);
      assertEquals(line.get("detector").asText(), b.get("detector").asText());
      assertTrue(b.get("model").asText().startsWith("minixception-fer2013@"), b.toString());
      JsonNode a = line.get("faces");
      assertEquals(a.size(), b.get("faces").size(), line.toString());
      for (int i = 0; i < a.size(); i++) {
        // the same face, read by another model: same track and box, a distribution of its own
        assertEquals(a.get(i).get("track"), b.get("faces").get(i).get("track"));
        assertEquals(a.get(i).get("box"), b.get("faces").get(i).get("box"));
        assertEquals(1.0, sum(b.get("faces").get(i).get("scores")), 1e-3);
        assertFalse(a.get(i).get("scores").equals(b.get("faces").get(i).get("scores")), "A and B read alike: " + line);
      }
      assertEquals(a.size(), b.get("of").asInt(), "every face is read by both: " + line);
      assertTrue(b.get("agree").asInt() <= b.get("of").asInt());
      pairs += b.get("of").asInt();
    }
    assertTrue(pairs >= 6, "faces read by both: " + pairs);
  }

  @Test
  void aSecondDetectorsFacesAreReadAndPairedWithTheFirstDetectors() throws Exception {
    Path config = config("detector", PLAIN + "compare.detector=blazeface-back\n");
    Path out = work.resolve("compare-detector.jsonl");
    Result run = headless(config, out);
    assertEquals(0, run.exit(), run.err());
    int pairs = 0;
    for (JsonNode line : frames(out)) {
      JsonNode b = line.get("compare");
      assertTrue(b.get("detector").asText().startsWith("blazeface-back@"), b.toString());
      assertTrue(b.get("model").asText().startsWith("faceapi-expression@"), b.toString());
      assertTrue(b.get("faces").size() > 0, "blazeface-back found no face: " + line);
      pairs += b.get("of").asInt();
    }
    assertTrue(pairs >= 4, "faces both detectors found: " + pairs);
  }

  @Test
  void anUnknownCompareIdIsOneLineAndExitCode2() throws Exception {
    Path config = config("unknown", PLAIN + "compare.model=nope\nstartupTimeoutSeconds=5\n");
    Path out = work.resolve("unknown.jsonl");
    Result run = headless(config, out);
    assertEquals(2, run.exit(), run.err());
    assertEquals(
        List.of("error: " + config.resolve(PIPELINE) + ": compare.model = 'nope' is not a model id on offer (available: ensemble, faceapi-expression, faceapi-ferplus, minixception-fer2013)"),
        run.err().lines().filter(l -> l.startsWith("error")).toList(),
        run.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void switchingCompareOnAndOffMidRunLosesNoFrame() throws Exception {
    Path clip = work.resolve("clip.avi");
    BufferedImage photo = ImageIO.read(DistributionRun.PHOTOS.resolve("sample3.jpg").toFile());
    int w = 480;
    int h = (int) Math.round(photo.getHeight() * (double) w / photo.getWidth() / 2) * 2;
    TestVideoWriter.write(clip, "mjpeg", 10, 1, w, h, Collections.nCopies(FRAMES, BgrFrames.scaled(photo, w, h)));
    Path config = config("switch", PLAIN);
    Path out = work.resolve("switch.jsonl");
    Path partial = work.resolve("switch.jsonl.partial");
    Started mirror =
        DistributionRun.start(
            work, Map.of(), "--headless", "--source", clip.toString(), "--config", config.toString(), "--out", out.toString());
    Result result;
    try {
      await(mirror, partial, lines -> lines.size() >= LINES_BEFORE_SWITCH, "frames before the switch");
      Files.writeString(config.resolve(PIPELINE), PLAIN + "compare.model=minixception-fer2013\n");
      List<String> seen =
          await(mirror, partial, lines -> compareLines(lines) >= LINES_BEFORE_SWITCH, "lines in compare mode");
      assertTrue(seen.size() < FRAMES - LINES_BEFORE_SWITCH, "too little of the clip left to switch off: " + seen.size());
      Files.writeString(config.resolve(PIPELINE), PLAIN);
      result = mirror.await(180);
    } finally {
      mirror.process().destroyForcibly();
    }
    assertEquals(0, result.exit(), result.err());
    List<JsonNode> lines = frames(out);
    assertEquals(FRAMES, lines.size(), "every frame has one line");
    int firstOn = -1;
    int lastOn = -1;
    for (int i = 0; i < lines.size(); i++) {
      JsonNode line = lines.get(i);
      assertEquals(i, line.get("frame").asInt(), "frames in order, none twice, none lost");
      if (line.has("compare")) {
        firstOn = firstOn < 0 ? i : firstOn;
        lastOn = i;
        JsonNode b = line.get("compare");
        assertTrue(b.get("model").asText().startsWith("minixception-fer2013@"), line.toString());
        assertEquals(line.get("faces").size(), b.get("faces").size(), line.toString());
        for (int f = 0; f < b.get("faces").size(); f++) {
          assertEquals(line.get("faces").get(f).get("box"), b.get("faces").get(f).get("box"));
          assertEquals(1.0, sum(b.get("faces").get(f).get("scores")), 1e-3);
        }
      }
    }
    assertTrue(firstOn >= LINES_BEFORE_SWITCH, "compare mode began at frame " + firstOn);
    assertTrue(lastOn >= firstOn + LINES_BEFORE_SWITCH - 1 && lastOn < FRAMES - 1, "compare mode ended at frame " + lastOn);
    for (int i = firstOn; i <= lastOn; i++) {
      assertTrue(lines.get(i).has("compare"), "frame " + i + " in the compare window has no B reading");
    }
    JsonNode end = JSON.readTree(Files.readAllLines(out).get(FRAMES));
    assertEquals("complete", end.get("end").asText());
    assertEquals(FRAMES, end.get("frames").asInt());
    assertTrue(result.out().contains(FRAMES + " frames"), result.out());
    assertTrue(result.out().contains(" 0 skipped"), result.out());
  }

  private static Result headless(Path config, Path out) throws IOException, InterruptedException {
    return DistributionRun.run(
        work, "--headless", "--source", photos.toString(), "--config", config.toString(), "--out", out.toString());
  }

  /** A copy of the project's runtime-config with {@code pipeline} as mirror.pipeline.cfg. */
  private static Path config(String name, String pipeline) throws IOException {
    Path config = Files.createDirectories(work.resolve("config-" + name));
    try (var files = Files.list(DistributionRun.CONFIG)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".cfg")).toList()) {
        Files.copy(f, config.resolve(f.getFileName()));
      }
    }
    Files.writeString(config.resolve(PIPELINE), pipeline);
    return config;
  }

  /** Waits until the growing record's complete lines satisfy {@code enough}; returns them. */
  private static List<String> await(Started mirror, Path partial, Predicate<List<String>> enough, String what)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    List<String> lines = List.of();
    while (System.nanoTime() < deadline) {
      assertTrue(mirror.process().isAlive(), "the run ended before " + what + ": " + Files.readString(mirror.err()));
      lines = completeLines(partial);
      if (enough.test(lines)) {
        return lines;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no " + what + " within 120 s; " + lines.size() + " lines");
  }

  private static List<String> completeLines(Path partial) throws IOException {
    if (!Files.exists(partial)) {
      return List.of();
    }
    String text = Files.readString(partial);
    List<String> lines = new ArrayList<>(text.lines().toList());
    if (!text.endsWith("\n") && !lines.isEmpty()) {
      lines.remove(lines.size() - 1); // being written
    }
    return lines;
  }

  private static long compareLines(List<String> lines) {
    return lines.stream().filter(l -> l.contains("\"compare\":")).count();
  }

  /** The record's frame lines (without its end line). */
  private static List<JsonNode> frames(Path out) throws IOException {
    List<JsonNode> frames = new ArrayList<>();
    for (String line : Files.readAllLines(out)) {
      JsonNode node = JSON.readTree(line);
      if (node.has("frame")) {
        frames.add(node);
      }
    }
    return frames;
  }

  private static double sum(JsonNode distribution) {
    double s = 0;
    for (JsonNode p : distribution) {
      s += p.asDouble();
    }
    return s;
  }

}

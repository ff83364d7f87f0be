package org.expressionmirror.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.expressionmirror.launcher.DistributionRun.Result;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The record's {@code labelsAbove}: for every read face exactly the smoothed labels at the
 * configured {@code labelThreshold} or above, with their smoothed values; checked over the six
 * shipped photos (16 faces) at the default threshold and at a low one that takes more than three
 * labels for some faces. A threshold outside (0, 1] is one line naming file, key and value.
 */
class LabelsAboveIT {
  /** The record rounds to six decimals: a value this close to the threshold may fall either way. */
  private static final double ROUNDING = 1e-6;

  @TempDir static Path work;
  private static Path photos;

  @BeforeAll
  static void photoSet() throws IOException {
    photos = Files.createDirectories(work.resolve("photos"));
    try (Stream<Path> shipped = Files.list(DistributionRun.PHOTOS)) {
      for (Path p : shipped.filter(p -> p.toString().endsWith(".jpg")).toList()) {
        Files.copy(p, photos.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  @Test
  void theDefaultThresholdIsPointThree() throws Exception {
    List<JsonNode> faces = readFaces(record("default", null));
    for (JsonNode face : faces) {
      assertEquals(0.3, face.get("labelThreshold").asDouble(), face.toString());
      checkConsistent(face, 0.3);
    }
  }

  @Test
  void aLowThresholdRecordsMoreThanTheTopThree() throws Exception {
    List<JsonNode> faces = readFaces(record("low", "0.01"));
    int most = 0;
    for (JsonNode face : faces) {
      assertEquals(0.01, face.get("labelThreshold").asDouble(), face.toString());
      checkConsistent(face, 0.01);
      most = Math.max(most, face.get("labelsAbove").size());
    }
    assertTrue(most > 3, "no face had more than three labels at 0.01 or above: " + faces);
  }

  @Test
  void aThresholdOutsideZeroToOneIsOneLineNamingFileKeyAndValue() throws Exception {
    for (String bad : new String[] {"0", "1.5", "lots"}) {
      Path config = config("bad-" + bad, bad);
      Path out = work.resolve("bad-" + bad + ".jsonl");
      Result run =
          DistributionRun.run(
              work, "--headless", "--source", photos.toString(), "--config", config.toString(), "--out", out.toString());
      assertEquals(2, run.exit(), run.err());
      String line = run.err().strip();
      assertFalse(line.contains("\n"), "more than one line: " + line);
      assertTrue(
          line.startsWith("error: " + config.resolve("mirror.pipeline.cfg").toAbsolutePath() + ": labelThreshold = '" + bad + "'"),
          line);
      assertTrue(line.contains("at most 1"), line);
      assertFalse(Files.exists(out), "a refused run wrote a record");
    }
  }

  /** Every smoothed label at the threshold or above is in labelsAbove with its value; no other. */
  private static void checkConsistent(JsonNode face, double threshold) {
    JsonNode smoothed = face.get("smoothed");
    JsonNode above = face.get("labelsAbove");
    if (smoothed.isNull()) {
      assertTrue(above.isNull(), face.toString());
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = smoothed.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      double p = e.getValue().asDouble();
      if (p >= threshold + ROUNDING) {
        assertTrue(above.has(e.getKey()), e.getKey() + " is above the threshold: " + face);
        assertEquals(p, above.get(e.getKey()).asDouble(), face.toString());
      } else if (p < threshold - ROUNDING) {
        assertFalse(above.has(e.getKey()), e.getKey() + " is below the threshold: " + face);
      }
    }
    double last = Double.MAX_VALUE;
    for (JsonNode value : above) {
      assertTrue(value.asDouble() <= last, "labelsAbove is strongest first: " + face);
      last = value.asDouble();
    }
  }

  /** Runs the headless program over the photos; the threshold null keeps the shipped config. */
  private static Path record(String name, String threshold) throws Exception {
    Path config = threshold == null ? DistributionRun.CONFIG : config(name, threshold);
    Path out = work.resolve(name + ".jsonl");
    Result run =
        DistributionRun.run(
            work, "--headless", "--source", photos.toString(), "--config", config.toString(), "--out", out.toString());
    assertEquals(0, run.exit(), run.err());
    return out;
  }

  /** The shipped runtime-config with {@code labelThreshold} set. */
  private static Path config(String name, String threshold) throws IOException {
    Path config = Files.createDirectories(work.resolve("config-" + name));
    try (Stream<Path> files = Files.list(DistributionRun.CONFIG)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.copy(f, config.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Path pipeline = config.resolve("mirror.pipeline.cfg");
    String kept = Files.readString(pipeline).replaceAll("(?m)^labelThreshold=.*$", "");
    Files.writeString(pipeline, kept + "\nlabelThreshold=" + threshold + "\n");
    return config;
  }

  private static List<JsonNode> readFaces(Path record) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> faces = new ArrayList<>();
    List<String> lines = Files.readAllLines(record);
    assertEquals("complete", json.readTree(lines.get(lines.size() - 1)).get("end").asText());
    for (String line : lines.subList(0, lines.size() - 1)) {
      json.readTree(line).get("faces").forEach(faces::add);
    }
    assertTrue(faces.size() >= 10, "the photos have more faces than " + faces.size());
    return faces;
  }
}

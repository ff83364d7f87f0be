package org.expressionmirror.training.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OrtEnvironment;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train --one-person} on one real person's images (the four crops of one face of the
 * shipped photos, upright and upside down as two labels): fewer folds than asked when a label has
 * few images, each image its own group, and a description that says one person.
 */
class OnePersonRunTest {
  private static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();

  @TempDir static Path dir;
  static Path one;

  @BeforeAll
  static void onePerson() throws Exception {
    Path all = dir.resolve("all");
    GeneratedFaces.write(all);
    one = dir.resolve("me");
    for (String label : GeneratedFaces.labels()) {
      Path to = Files.createDirectories(one.resolve(label));
      try (var files = Files.list(all.resolve(label).resolve("person0"))) {
        for (Path f : files.toList()) {
          Files.copy(f, to.resolve(f.getFileName()));
        }
      }
    }
  }

  private static TrainingRun.Settings settings(Path out) {
    return new TrainingRun.Settings("me", 5, "none", Map.of(), SoftmaxTrainer.Settings.defaults(), dir.resolve("cache"), out, true, TrainingSet.SOFT);
  }

  @Test
  void fewImagesOfOnePersonGetFewerFoldsAndADescriptionSayingSo() throws Exception {
    Path out = Files.createDirectories(dir.resolve("models"));
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    TrainingRun.Outcome outcome;
    try (Backbone backbone = Backbone.open(ENV, GeneratedFaces.FACE_API);
        PrintStream print = new PrintStream(text, true, StandardCharsets.UTF_8)) {
      outcome = new TrainingRun(ENV, print, new PrintStream(new ByteArrayOutputStream()), m -> {})
          .run(TrainingSet.read(one, null), backbone, null, settings(out));
    }
    String report = text.toString(StandardCharsets.UTF_8);
    assertTrue(report.contains("one person: 8 images (neutral 4, surprise 4), 4-fold cross-validation"), report);
    assertTrue(report.contains("4-fold cross-validation:"), report);
    assertEquals(4, outcome.report().perFold().size());
    assertFalse(outcome.report().groupedBySubject());
    // stated accuracy: one face upright vs upside down, each crop tested by a head trained on the
    // other six (measured: 7 of 8); chance is a half
    assertTrue(outcome.report().accuracyMean() >= 0.75, report);
    JsonNode source = new ObjectMapper().readTree(out.resolve("me.json").toFile()).get("source");
    assertTrue(source.get("onePerson").asBoolean());
    assertEquals(PersonalTraining.ONE_PERSON, source.get("trainedOn").asText());
    assertEquals("mirror train --one-person", source.get("trainedBy").asText());
    assertEquals(4, source.get("crossValidation").get("folds").asInt());
    // the golden vectors come from synthetic probes, never from the person's own images
    String golden = Files.readString(outcome.written().golden());
    assertTrue(golden.contains("synthetic-0"), "golden inputs are not the synthetic probes");
    try (var images = Files.walk(one)) {
      for (Path image : images.filter(Files::isRegularFile).toList()) {
        assertFalse(golden.contains(image.getFileName().toString()), "golden file names " + image);
      }
    }
  }

  @Test
  void aLabelWithOneImageIsRefusedNamingTheCounts() throws Exception {
    Path few = dir.resolve("few");
    Files.createDirectories(few.resolve("neutral"));
    Files.createDirectories(few.resolve("surprise"));
    Files.copy(one.resolve("neutral/crop0.png"), few.resolve("neutral/crop0.png"));
    Files.copy(one.resolve("surprise/crop0.png"), few.resolve("surprise/crop0.png"));
    Files.copy(one.resolve("surprise/crop1.png"), few.resolve("surprise/crop1.png"));
    Path out = Files.createDirectories(dir.resolve("models-few"));
    try (Backbone backbone = Backbone.open(ENV, GeneratedFaces.FACE_API)) {
      TrainingException e = assertThrows(TrainingException.class, () ->
          new TrainingRun(ENV, new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()), m -> {})
              .run(TrainingSet.read(few, null), backbone, null, settings(out)));
      assertEquals("every label needs at least 2 examples for cross-validation (neutral 1, surprise 2) in " + few, e.getMessage());
    }
    try (var files = Files.list(out)) {
      assertEquals(0, files.count(), "nothing written after a refusal");
    }
  }
}

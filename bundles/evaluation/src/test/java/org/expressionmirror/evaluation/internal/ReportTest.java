package org.expressionmirror.evaluation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {
  private static final List<String> SEVEN =
      List.of("anger", "disgust", "fear", "happiness", "neutral", "sadness", "surprise");

  @TempDir Path dir;

  /** A dataset with contempt images scored by a 7-label model. */
  private static Report withContempt() {
    Confusion c = new Confusion(List.of("contempt", "happiness", "neutral", "anger", "disgust", "fear", "sadness", "surprise"));
    c.add("contempt", "neutral");
    c.add("contempt", "happiness");
    c.add("contempt", "anger");
    c.add("happiness", "happiness");
    return Report.of("/data/set", "faceapi-expression 1.7.15", SEVEN, "none", c, List.of());
  }

  @Test
  void labelsTheModelLacksAreReportedNotDropped() {
    Report r = withContempt();
    assertEquals(1, r.missingLabels().size());
    Report.MissingLabel m = r.missingLabels().get(0);
    assertEquals("contempt", m.label());
    assertEquals(3, m.images());
    assertEquals("model has no 'contempt': 3 images cannot be right", m.message());
    // still counted: 4 images, 1 right
    assertEquals(4, r.images());
    assertEquals(0.25, r.accuracy(), 1e-12);
    // rows only for the labels the dataset has; columns for every label a model may output
    assertEquals(List.of("contempt", "happiness"), r.confusion().rows());
    assertEquals(List.of("contempt", "happiness"), r.labels());
    assertEquals(2, r.perClass().size());
    assertEquals(2, r.confusion().counts().size());
    assertEquals(9, r.confusion().columns().size(), "8 labels and no face");
    assertTrue(ReportTable.of(r).contains("model has no 'contempt': 3 images cannot be right"));
  }

  @Test
  void aLabelTheModelHasIsNotMissingEvenWithoutImages() {
    assertEquals(List.of("contempt"), withContempt().missingLabels().stream().map(Report.MissingLabel::label).toList());
  }

  @Test
  void jsonHasTheDocumentedShape() throws IOException {
    Report r = Report.of("/data/set", "m 1", List.of("anger", "happiness", "neutral"), "haar 4.9.0", ConfusionTest.handMade(), List.of("angry/0001.jpg"));
    JsonNode json = new ObjectMapper().readTree(ReportJson.text(r));
    assertEquals("m 1", json.get("model").asText());
    assertEquals("haar 4.9.0", json.get("detector").asText());
    assertEquals(15, json.get("images").asLong());
    assertEquals(1, json.get("noFace").asLong());
    assertEquals(0.6, json.get("accuracy").asDouble(), 1e-12);
    assertEquals(3, json.get("perClass").size());
    JsonNode neutral = json.get("perClass").get(2);
    assertEquals("neutral", neutral.get("label").asText());
    assertTrue(neutral.get("precision").isNull(), "undefined precision is null, not 0 or NaN");
    assertEquals(2, neutral.get("support").asLong());
    JsonNode confusion = json.get("confusion");
    assertEquals(List.of("anger", "happiness", "neutral", "no face"), texts(confusion.get("columns")));
    assertEquals(List.of("anger", "happiness", "neutral"), texts(confusion.get("rows")));
    assertEquals(3, confusion.get("counts").size());
    assertEquals(1, confusion.get("counts").get(0).get(3).asLong());
    assertEquals("angry/0001.jpg", json.get("noFaceImages").get(0).asText());
    assertTrue(json.get("missingLabels").isArray());
    assertTrue(json.has("macro") && json.get("macro").has("f1"));
  }

  @Test
  void writesTheWholeFileAndNoTemporaryOne() throws Exception {
    Path out = dir.resolve("report.json");
    Files.writeString(out, "old");
    ReportJson.write(withContempt(), out);
    assertEquals(0.25, new ObjectMapper().readTree(out.toFile()).get("accuracy").asDouble(), 1e-12);
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(out), files.toList());
    }
  }

  @Test
  void refusesAReportPathInAMissingFolder() {
    Path out = dir.resolve("missing").resolve("report.json");
    EvaluationException e = org.junit.jupiter.api.Assertions.assertThrows(EvaluationException.class, () -> ReportJson.checkTarget(out));
    assertEquals("folder of the report file does not exist: " + out.getParent(), e.getMessage());
    assertFalse(Files.exists(out.getParent()));
  }

  @Test
  void tablePrintsAccuracyAndTheMatrixWithTrueLabelsAsRows() {
    String table = ReportTable.of(Report.of("/d", "m 1", List.of("anger", "happiness", "neutral"), "haar 4.9.0", ConfusionTest.handMade(), List.of("angry/0001.jpg")));
    assertTrue(table.contains("accuracy 60.00 % (9/15)"), table);
    assertTrue(table.contains("accuracy on the faces found 64.29 % (9/14)"), table);
    assertTrue(table.contains("happiness     0.6667    0.7500    0.7059        8"), table);
    assertTrue(table.contains("neutral            -    0.0000         -        2"), table);
    assertTrue(table.matches("(?s).*\\nanger\\s+3\\s+1\\s+0\\s+1\\n.*"), table);
    assertTrue(table.contains("no face found in 1 images (counted as wrong): angry/0001.jpg"), table);
  }

  private static List<String> texts(JsonNode array) {
    return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }
}

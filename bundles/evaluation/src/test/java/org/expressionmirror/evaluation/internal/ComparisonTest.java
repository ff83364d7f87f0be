package org.expressionmirror.evaluation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Two models' predictions paired image by image. */
class ComparisonTest {
  private static final List<String> LABELS = List.of("happiness", "neutral", "sadness");

  /** 20 images: both right 5, both wrong 3 (one where they agree), only A right 10, only B right 2. */
  private static List<List<Prediction>> predictions() {
    List<Prediction> a = new ArrayList<>();
    List<Prediction> b = new ArrayList<>();
    int i = 0;
    for (int k = 0; k < 5; k++, i++) {
      a.add(new Prediction("happy/" + i + ".png", "happiness", "happiness", 0.9));
      b.add(new Prediction("happy/" + i + ".png", "happiness", "happiness", 0.8));
    }
    a.add(new Prediction("sad/" + i + ".png", "sadness", "neutral", 0.6));
    b.add(new Prediction("sad/" + i++ + ".png", "sadness", "neutral", 0.7));
    for (int k = 0; k < 2; k++, i++) {
      a.add(new Prediction("sad/" + i + ".png", "sadness", "happiness", 0.6));
      b.add(new Prediction("sad/" + i + ".png", "sadness", null, null));
    }
    for (int k = 0; k < 10; k++, i++) {
      a.add(new Prediction("normal/" + i + ".png", "neutral", "neutral", 0.7));
      // the first: no face for the second model
      b.add(new Prediction("normal/" + i + ".png", "neutral", k == 0 ? null : "sadness", k == 0 ? null : 0.5));
    }
    for (int k = 0; k < 2; k++, i++) {
      a.add(new Prediction("sad/" + i + ".png", "sadness", "neutral", 0.5));
      b.add(new Prediction("sad/" + i + ".png", "sadness", "sadness", 0.9));
    }
    return List.of(a, b);
  }

  @Test
  void countsAgreementAndDiscordantPairs() {
    List<List<Prediction>> p = predictions();
    Comparison c = Comparison.of("a 1", "b 2", p.get(0), p.get(1));
    assertEquals(20, c.images());
    assertEquals(15.0 / 20, c.accuracy(), 1e-12);
    assertEquals(7.0 / 20, c.compareAccuracy(), 1e-12);
    assertEquals(6, c.agree(), "5 both right and 1 alike wrong");
    assertEquals(0.3, c.agreement(), 1e-12);
    assertEquals(5, c.bothRight());
    assertEquals(3, c.bothWrong());
    assertEquals(10, c.onlyModelRight());
    assertEquals(2, c.onlyCompareRight());
    assertEquals(12, c.discordant().size());
    assertEquals(new Comparison.Discordant("normal/8.png", "neutral", "neutral", null), c.discordant().get(0));
    assertEquals(new Comparison.Discordant("sad/19.png", "sadness", "neutral", "sadness"), c.discordant().get(11));
    // b = 10, c = 2, the worked example
    assertEquals(0.0386, c.mcnemar().exactP(), 5e-5);
    assertEquals(4.083, c.mcnemar().chiSquare(), 5e-4);
    assertEquals(0.0433, c.mcnemar().chiSquareP(), 5e-5);
  }

  @Test
  void predictionsOfDifferentImagesCannotBePaired() {
    List<Prediction> a = List.of(new Prediction("x.png", "neutral", "neutral", 1.0));
    List<Prediction> b = List.of(new Prediction("y.png", "neutral", "neutral", 1.0));
    assertThrows(IllegalArgumentException.class, () -> Comparison.of("a", "b", a, b));
    assertThrows(IllegalArgumentException.class, () -> Comparison.of("a", "b", a, List.of()));
  }

  private static Report report(String model, List<Prediction> predictions, Run run) {
    Confusion confusion = new Confusion(LABELS);
    predictions.forEach(p -> confusion.add(p.truth(), p.predicted()));
    List<String> noFace = predictions.stream().filter(p -> p.predicted() == null).map(Prediction::image).toList();
    return Report.of("/d", model, LABELS, "none", confusion, noFace, List.of(), run, predictions);
  }

  private static Report compared() {
    List<List<Prediction>> p = predictions();
    Run run = new Run("2026-11-29T19:00:00Z", Map.of(), 2.0, 10.0, List.of(new Skipped("bored", null, 1, "'bored' is not a known label")), "plurality", 1, List.of(new LeftOut("x.png", "tie: neutral, happiness")));
    Report a = report("a 1", p.get(0), run);
    Report b = report("b 2", p.get(1), null);
    return a.comparedWith(b, Comparison.of(a.model(), b.model(), a.predictions(), b.predictions()));
  }

  @Test
  void theJsonHasBothReportsTheComparisonAndEveryPrediction() throws Exception {
    JsonNode json = new ObjectMapper().readTree(ReportJson.text(compared()));
    assertEquals("a 1", json.get("model").asText());
    assertEquals(0.75, json.get("accuracy").asDouble(), 1e-12);
    assertEquals("2026-11-29T19:00:00Z", json.get("timestamp").asText());
    assertEquals(10.0, json.get("imagesPerSecond").asDouble(), 1e-12);
    assertEquals("bored", json.get("skippedLabels").get(0).get("folder").asText());
    assertEquals("plurality", json.get("labelRule").asText());
    assertEquals(1, json.get("leftOut").asInt());
    assertEquals(20, json.get("predictions").size());
    JsonNode first = json.get("predictions").get(0);
    assertEquals("happy/0.png", first.get("image").asText());
    assertEquals("happiness", first.get("truth").asText());
    assertEquals("happiness", first.get("predicted").asText());
    assertEquals(0.9, first.get("probability").asDouble(), 1e-12);
    assertTrue(json.get("compare").get("predictions").get(6).get("predicted").isNull(), "no face");
    assertEquals("b 2", json.get("compare").get("model").asText());
    assertFalse(json.get("compare").has("timestamp"), "the run is told once");
    assertFalse(json.get("compare").has("comparison"));
    JsonNode c = json.get("comparison");
    assertEquals(10, c.get("onlyModelRight").asInt());
    assertEquals(2, c.get("onlyCompareRight").asInt());
    assertEquals(12, c.get("discordant").size());
    assertEquals("exact binomial", c.get("mcnemar").get("test").asText());
    assertEquals(2.0 * 79 / 4096, c.get("mcnemar").get("exactP").asDouble(), 1e-12);
    // one model alone: no compare or comparison keys
    JsonNode alone = new ObjectMapper().readTree(ReportJson.text(report("a 1", predictions().get(0), null)));
    assertFalse(alone.has("compare") || alone.has("comparison"));
  }

  @Test
  void theTableShowsBothModelsAndTheTest() {
    String table = ReportTable.of(compared());
    assertTrue(table.startsWith("run started 2026-11-29T19:00:00Z"), table);
    assertTrue(table.contains("wall time 2.00 s, 10.0 images per second"), table);
    assertTrue(table.contains("skipped label 'bored' (1 image): 'bored' is not a known label"), table);
    assertTrue(table.contains("labels from FER+ votes by the plurality rule"), table);
    assertTrue(table.contains("1 images without a label by that rule left out (not scored): x.png (tie: neutral, happiness)"), table);
    assertTrue(table.contains("evaluation of a 1 on /d"), table);
    assertTrue(table.contains("evaluation of b 2 on /d"), table);
    assertTrue(table.contains("accuracy a 1 75.00 %, b 2 35.00 %"), table);
    assertTrue(table.contains("agreement 30.00 % (6/20 same predicted label)"), table);
    assertTrue(table.contains("only a 1 right 10 (b), only b 2 right 2 (c)"), table);
    assertTrue(table.contains("McNemar's test (exact binomial, two-sided): b=10, c=2, p = 0.03857"), table);
    assertTrue(table.contains("chi-square with continuity correction (|b-c|-1)^2/(b+c) = 4.083, p = 0.04331"), table);
    assertTrue(table.contains("  normal/8.png: neutral, neutral, no face"), table);
    assertTrue(table.contains("  sad/19.png: sadness, neutral, sadness"), table);
    assertFalse(table.contains("  sad/6.png"), "both wrong is not discordant");
  }
}

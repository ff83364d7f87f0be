package org.expressionmirror.record.jsonl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.expressionmirror.api.Box;
import org.expressionmirror.api.Comparison;
import org.expressionmirror.api.Distribution;
import org.expressionmirror.api.Expressions;
import org.expressionmirror.api.FaceResult;
import org.expressionmirror.api.FrameResult;
import org.expressionmirror.api.StageTimes;
import org.junit.jupiter.api.Test;

/** A compare-mode line carries the B reading with its ids; other lines carry nothing extra. */
class JsonLinesCompareTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Distribution HAPPY =
      new Distribution(Map.of(Expressions.HAPPINESS, 0.7, Expressions.NEUTRAL, 0.3));
  private static final Distribution CALM =
      new Distribution(Map.of(Expressions.HAPPINESS, 0.25, Expressions.NEUTRAL, 0.75));
  private static final List<FaceResult> A =
      List.of(
          new FaceResult(1, new Box(0, 0, 80, 80), HAPPY, HAPPY),
          new FaceResult(2, new Box(300, 0, 80, 80), HAPPY, HAPPY));

  private static JsonNode line(FrameResult r) throws IOException {
    StringWriter text = new StringWriter();
    try (JsonGenerator g = JSON.getFactory().createGenerator(text)) {
      JsonLines.write(g, r);
    }
    return JSON.readTree(text.toString());
  }

  private static FrameResult result(Comparison c) {
    return new FrameResult(5, 166.5, "haar@4.9.0", "faceapi-expression@1", "ema@1", A, new StageTimes(1, 2, 3, 4), "", c);
  }

  @Test
  void aCompareLineCarriesBothReadingsTheirIdsAndTheAgreement() throws IOException {
    Comparison b =
        new Comparison(
            "blazeface@1.2.0",
            "minixception-fer2013@3.3.6",
            List.of(
                new FaceResult(4, new Box(2, 2, 80, 80), HAPPY, HAPPY),
                new FaceResult(5, new Box(300, 0, 80, 80), CALM, null),
                new FaceResult(6, new Box(600, 0, 40, 40), null, null)));
    JsonNode r = line(result(b));
    assertEquals("faceapi-expression@1", r.get("model").asText());
    assertEquals(0.7, r.get("faces").get(0).get("scores").get("happiness").asDouble());
    JsonNode c = r.get("compare");
    assertEquals(List.of("detector", "model", "faces", "agree", "of"), names(c));
    assertEquals("blazeface@1.2.0", c.get("detector").asText());
    assertEquals("minixception-fer2013@3.3.6", c.get("model").asText());
    assertEquals(3, c.get("faces").size());
    assertEquals(4, c.get("faces").get(0).get("track").asInt());
    assertEquals(List.of(2, 2, 80, 80), ints(c.get("faces").get(0).get("box")));
    assertEquals(0.75, c.get("faces").get(1).get("scores").get("neutral").asDouble());
    assertEquals(true, c.get("faces").get(1).get("smoothed").isNull());
    assertEquals(true, c.get("faces").get(2).get("scores").isNull());
    assertEquals(1, c.get("agree").asInt());
    assertEquals(2, c.get("of").asInt());
  }

  @Test
  void aLineWithoutComparisonHasNoCompareKey() throws IOException {
    JsonNode r = line(result(null));
    assertFalse(r.has("compare"), r.toString());
    assertEquals(List.of("frame", "t_ms", "detector", "model", "smoother", "faces"), names(r));
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<Integer> ints(JsonNode array) {
    List<Integer> values = new java.util.ArrayList<>();
    array.forEach(v -> values.add(v.asInt()));
    return values;
  }
}

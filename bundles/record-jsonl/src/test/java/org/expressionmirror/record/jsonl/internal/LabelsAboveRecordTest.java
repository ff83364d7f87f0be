package org.expressionmirror.record.jsonl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.expressionmirror.api.Box;
import org.expressionmirror.api.Distribution;
import org.expressionmirror.api.FaceResult;
import org.expressionmirror.api.FrameResult;
import org.expressionmirror.api.StageTimes;
import org.junit.jupiter.api.Test;

/** Each face's line names its label threshold and the smoothed labels at or above it. */
class LabelsAboveRecordTest {
  private static final Distribution SCORES = new Distribution(Map.of("anger", 0.8, "neutral", 0.2));
  private static final Distribution SMOOTHED =
      new Distribution(Map.of("happiness", 0.42, "surprise", 0.25, "neutral", 0.2, "sadness", 0.13));

  @Test
  void labelsAboveHoldTheSmoothedLabelsAtTheThresholdOrAbove() throws IOException {
    JsonNode face = line(new FaceResult(1, new Box(0, 0, 9, 9), SCORES, SMOOTHED, 0.2)).get("faces").get(0);
    assertEquals(0.2, face.get("labelThreshold").asDouble());
    JsonNode above = face.get("labelsAbove");
    assertEquals(List.of("happiness", "surprise", "neutral"), names(above));
    assertEquals(0.42, above.get("happiness").asDouble());
  }

  @Test
  void noLabelAboveIsAnEmptyObjectAndAnUnreadFaceHasNull() throws IOException {
    JsonNode faces =
        line(
                new FaceResult(1, new Box(0, 0, 9, 9), SCORES, SMOOTHED, 0.5),
                new FaceResult(2, new Box(20, 0, 9, 9), null, null, 0.5))
            .get("faces");
    assertTrue(faces.get(0).get("labelsAbove").isObject());
    assertEquals(0, faces.get(0).get("labelsAbove").size());
    assertTrue(faces.get(1).get("labelsAbove").isNull());
  }

  private static JsonNode line(FaceResult... faces) throws IOException {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      JsonLines.write(g, new FrameResult(3, 100, "haar@1", "m@1", "ema@1", List.of(faces), new StageTimes(0, 0, 0, 0)));
    }
    return new ObjectMapper().readTree(out.toString());
  }

  private static List<String> names(JsonNode object) {
    List<String> names = new java.util.ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }
}

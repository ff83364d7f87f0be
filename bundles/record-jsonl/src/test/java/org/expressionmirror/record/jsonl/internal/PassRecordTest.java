package org.expressionmirror.record.jsonl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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

/**
 * Each face says which kind of detection pass found it; a face that was not told has no key; a frame
 * the detector skipped says so itself.
 */
class PassRecordTest {
  @Test
  void aFaceNamesTheKindOfPassThatFoundIt() throws IOException {
    Distribution d = new Distribution(Map.of("happiness", 0.6, "neutral", 0.4));
    FrameResult r =
        new FrameResult(
            7,
            233.3,
            "haar@4.9.0",
            "faceapi-expression@1.7.15",
            "ema@1.0.0",
            List.of(
                new FaceResult(1, new Box(10, 20, 30, 40), d, d, "", 0.3, FaceResult.FULL_PASS),
                new FaceResult(2, new Box(50, 20, 30, 40), d, d, "", 0.3, FaceResult.REGION_PASS),
                new FaceResult(3, new Box(90, 20, 30, 40), d, d)),
            new StageTimes(1, 2, 3, 4));
    StringWriter out = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      JsonLines.write(g, r);
    }
    JsonNode faces = new ObjectMapper().readTree(out.toString()).get("faces");
    assertEquals("full", faces.get(0).get("pass").asText());
    assertEquals("region", faces.get(1).get("pass").asText());
    assertFalse(faces.get(2).has("pass"), faces.get(2).toString());
    assertFalse(new ObjectMapper().readTree(out.toString()).has("pass"), "a frame that got a pass has no frame-level key");
  }

  @Test
  void aFrameTheDetectorSkippedSaysPassNone() throws IOException {
    FrameResult r =
        new FrameResult(
            8, 266.6, "blazeface-back@1.2.0-back256", "faceapi-expression@1.7.15", "ema@1.0.0", List.of(),
            new StageTimes(1, 0, 0, 0), "", null, FrameResult.NO_PASS);
    StringWriter out = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      JsonLines.write(g, r);
    }
    JsonNode line = new ObjectMapper().readTree(out.toString());
    assertEquals("none", line.get("pass").asText());
    assertEquals(0, line.get("faces").size());
    assertEquals(8, line.get("frame").asInt());
  }
}

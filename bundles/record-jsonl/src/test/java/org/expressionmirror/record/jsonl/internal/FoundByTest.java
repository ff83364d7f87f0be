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

/** A face found by a link of the chain detector names that link in its record; others do not. */
class FoundByTest {
  @Test
  void aChainFaceNamesItsLinkAndAnOtherFaceHasNoSuchKey() throws IOException {
    Distribution d = new Distribution(Map.of("happiness", 0.6, "neutral", 0.4));
    FrameResult r =
        new FrameResult(
            3,
            100,
            "chain@1.0.0",
            "faceapi-expression@1.7.15",
            "ema@1.0.0",
            List.of(
                new FaceResult(1, new Box(10, 20, 30, 40), d, d, "haar-alt2"),
                new FaceResult(2, new Box(50, 20, 30, 40), null, null, "haar-profile"),
                new FaceResult(3, new Box(90, 20, 30, 40), d, d)),
            new StageTimes(1, 2, 3, 4));
    StringWriter out = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      JsonLines.write(g, r);
    }
    JsonNode faces = new ObjectMapper().readTree(out.toString()).get("faces");
    assertEquals("haar-alt2", faces.get(0).get("foundBy").asText());
    assertEquals("haar-profile", faces.get(1).get("foundBy").asText());
    assertFalse(faces.get(2).has("foundBy"), faces.get(2).toString());
    assertEquals(0.6, faces.get(0).get("scores").get("happiness").asDouble());
  }
}

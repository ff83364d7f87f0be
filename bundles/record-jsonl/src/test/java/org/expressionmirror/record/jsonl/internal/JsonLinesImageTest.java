package org.expressionmirror.record.jsonl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.expressionmirror.api.FrameResult;
import org.expressionmirror.api.StageTimes;
import org.junit.jupiter.api.Test;

/** Every record of a folder source names its image file; video records stay as they were. */
class JsonLinesImageTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static String line(FrameResult r) throws IOException {
    StringWriter text = new StringWriter();
    try (JsonGenerator g = JSON.getFactory().createGenerator(text)) {
      JsonLines.write(g, r);
    }
    return text.toString();
  }

  private static FrameResult result(String image) {
    return new FrameResult(3, 3000, "haar@4.9.0", "m@1", "ema@1.0.0", List.of(), new StageTimes(1, 2, 3, 4), image);
  }

  @Test
  void aFolderFrameNamesItsImageRightAfterTheFrameNumber() throws IOException {
    String line = line(result("sub/smile 😀.jpg"));
    JsonNode record = JSON.readTree(line);
    assertEquals("sub/smile 😀.jpg", record.get("image").asText());
    assertEquals(List.of("frame", "image", "t_ms"), List.copyOf(fieldNames(record)).subList(0, 3));
  }

  @Test
  void aVideoFrameHasNoImageField() throws IOException {
    JsonNode record = JSON.readTree(line(result("")));
    assertFalse(record.has("image"), record.toString());
    assertEquals(3, record.get("frame").asInt());
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}

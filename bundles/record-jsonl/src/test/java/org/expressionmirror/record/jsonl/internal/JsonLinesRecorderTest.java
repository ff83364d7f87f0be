package org.expressionmirror.record.jsonl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.expressionmirror.api.Box;
import org.expressionmirror.api.Distribution;
import org.expressionmirror.api.FaceResult;
import org.expressionmirror.api.FrameResult;
import org.expressionmirror.api.RunSummary;
import org.expressionmirror.api.StageTimes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.log.Logger;

class JsonLinesRecorderTest {
  @TempDir Path dir;

  /** The recorder only reports to its logger; these tests read the files it writes. */
  private static final Logger QUIET =
      (Logger)
          Proxy.newProxyInstance(
              Logger.class.getClassLoader(), new Class<?>[] {Logger.class}, (p, m, a) -> m.getName().startsWith("is") ? false : null);

  private static RecordConfig config(String path, boolean enabled) {
    return (RecordConfig)
        Proxy.newProxyInstance(
            JsonLinesRecorderTest.class.getClassLoader(),
            new Class<?>[] {RecordConfig.class},
            (p, m, a) -> m.getName().equals("path") ? path : enabled);
  }

  private static FrameResult result(long frame) {
    Distribution d = new Distribution(Map.of("happiness", 0.7, "neutral", 0.3));
    return new FrameResult(
        frame,
        frame * 33.366666,
        "haar@4.9.0",
        "minixception-fer2013@3.3.6",
        "ema@1.0.0",
        List.of(new FaceResult(1, new Box(10, 20, 30, 40), d, d), new FaceResult(2, new Box(0, 0, 5, 5), null, null)),
        new StageTimes(1, 2, 3, 4));
  }

  private static RunSummary end(String error) {
    return new RunSummary("clip.mp4", 2, 2, 0, 100, Map.of(), error);
  }

  @Test
  void writesOneObjectPerFrameAndTheFileAppearsWhenTheRecordEnds() throws IOException {
    Path out = dir.resolve("run.jsonl");
    JsonLinesRecorder recorder = new JsonLinesRecorder(config(out.toString(), true), QUIET);
    recorder.onResult(result(0));
    recorder.onResult(result(1));
    assertFalse(Files.exists(out), "the record must not appear half-written");
    recorder.onEnd(end(""));
    assertFalse(Files.exists(out), "a run's end is not the record's end: another source may follow");
    recorder.deactivate();
    List<String> lines = Files.readAllLines(out);
    assertEquals(2, lines.size());
    assertTrue(lines.stream().allMatch(l -> l.startsWith("{\"frame\":") && l.endsWith("}")), lines.get(1));
    JsonNode first = new ObjectMapper().readTree(lines.get(0));
    assertEquals(0, first.get("frame").asInt());
    assertEquals(0.0, first.get("t_ms").asDouble());
    assertEquals("haar@4.9.0", first.get("detector").asText());
    assertEquals("ema@1.0.0", first.get("smoother").asText());
    JsonNode face = first.get("faces").get(0);
    assertEquals(1, face.get("track").asInt());
    assertEquals("[10,20,30,40]", face.get("box").toString());
    assertEquals(0.7, face.get("scores").get("happiness").asDouble());
    assertEquals(0.3, face.get("smoothed").get("neutral").asDouble());
    assertTrue(first.get("faces").get(1).get("scores").isNull());
    assertEquals(33.366666, new ObjectMapper().readTree(lines.get(1)).get("t_ms").asDouble());
    assertFalse(Files.exists(dir.resolve("run.jsonl.partial")));
  }

  @Test
  void aRunThatFailedBeforeItsFirstFrameLeavesNoFile() throws IOException {
    Path out = dir.resolve("none.jsonl");
    JsonLinesRecorder recorder = new JsonLinesRecorder(config(out.toString(), true), QUIET);
    recorder.onEnd(end("video file not found: x.mp4"));
    recorder.deactivate();
    try (var files = Files.list(dir)) {
      assertEquals(0, files.count());
    }
  }

  @Test
  void aDisabledRecordWritesNothing() throws IOException {
    Path out = dir.resolve("off.jsonl");
    JsonLinesRecorder recorder = new JsonLinesRecorder(config(out.toString(), false), QUIET);
    recorder.onResult(result(0));
    recorder.onEnd(end(""));
    recorder.deactivate();
    assertFalse(Files.exists(out));
  }

  @Test
  void theLogGoesOnAcrossRunsUntilItIsSwitchedOff() throws IOException {
    Path out = dir.resolve("log.jsonl");
    JsonLinesRecorder recorder = new JsonLinesRecorder(config(out.toString(), true), QUIET);
    recorder.onResult(result(0));
    recorder.onEnd(end(""));
    recorder.onResult(result(0));
    recorder.onResult(result(1));
    recorder.deactivate();
    assertEquals(3, Files.readAllLines(out).size());
    recorder.onResult(result(2));
    assertEquals(3, Files.readAllLines(out).size(), "nothing is written after the record ended");
  }

  @Test
  void aMissingFolderIsNamed() {
    Path out = dir.resolve("missing/run.jsonl");
    IOException e =
        assertThrows(IOException.class, () -> new JsonLinesRecorder(config(out.toString(), true), QUIET));
    assertEquals("mirror.record.jsonl: folder does not exist: " + dir.resolve("missing"), e.getMessage());
  }
}

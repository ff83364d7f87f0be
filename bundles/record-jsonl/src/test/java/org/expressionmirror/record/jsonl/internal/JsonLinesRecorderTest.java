package org.expressionmirror.record.jsonl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.osgi.service.component.ComponentConstants;
import org.osgi.service.log.Logger;

class JsonLinesRecorderTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The program stopping (exit at the end of a run, a signal, the window closed). */
  private static final int STOPPED = ComponentConstants.DEACTIVATION_REASON_BUNDLE_STOPPED;
  /** The window's log switch turned off: the record's configuration changes. */
  private static final int SWITCHED_OFF = ComponentConstants.DEACTIVATION_REASON_CONFIGURATION_MODIFIED;

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
    recorder.deactivate(STOPPED);
    List<String> lines = Files.readAllLines(out);
    assertEquals(3, lines.size());
    assertEquals("{\"end\":\"complete\",\"frames\":2}", lines.get(2));
    lines = lines.subList(0, 2);
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
    recorder.deactivate(STOPPED);
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
    recorder.deactivate(SWITCHED_OFF);
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
    recorder.deactivate(SWITCHED_OFF);
    List<String> lines = Files.readAllLines(out);
    assertEquals(4, lines.size(), "three frames and the end: the first run's end was taken back");
    assertEquals(List.of(0, 0, 1), lines.subList(0, 3).stream().map(l -> frameOf(l)).toList());
    assertEquals("{\"end\":\"complete\",\"frames\":3}", lines.get(3));
    recorder.onResult(result(2));
    assertEquals(4, Files.readAllLines(out).size(), "nothing is written after the record ended");
    assertFalse(Files.exists(dir.resolve("log.jsonl.partial")));
  }

  @Test
  void aMissingFolderIsNamed() {
    Path out = dir.resolve("missing/run.jsonl");
    IOException e =
        assertThrows(IOException.class, () -> new JsonLinesRecorder(config(out.toString(), true), QUIET));
    assertEquals("mirror.record.jsonl: folder does not exist: " + dir.resolve("missing"), e.getMessage());
  }

  @Test
  void aRunThatFailedMidWayIsKeptAsPartialAndItsLastLineSaysWhy() throws IOException {
    Path out = dir.resolve("failed.jsonl");
    JsonLinesRecorder recorder = new JsonLinesRecorder(config(out.toString(), true), QUIET);
    recorder.onResult(result(0));
    recorder.onResult(result(1));
    recorder.onEnd(end("cannot decode image: /photos/c.jpg"));
    recorder.deactivate(STOPPED);
    assertFalse(Files.exists(out), "a failed run must not look complete");
    List<String> lines = Files.readAllLines(dir.resolve("failed.jsonl.partial"));
    assertEquals(3, lines.size());
    assertEquals(
        "{\"end\":\"error\",\"reason\":\"cannot decode image: /photos/c.jpg\",\"frames\":2}", lines.get(2));
  }

  @Test
  void aRecordStoppedBeforeItsRunEndedIsKeptAsPartialAndMarkedInterrupted() throws IOException {
    Path out = dir.resolve("stopped.jsonl");
    JsonLinesRecorder recorder = new JsonLinesRecorder(config(out.toString(), true), QUIET);
    recorder.onResult(result(0));
    recorder.onResult(result(1));
    recorder.onResult(result(2));
    recorder.deactivate(STOPPED);
    assertFalse(Files.exists(out), "an interrupted record must not look complete");
    List<String> lines = Files.readAllLines(dir.resolve("stopped.jsonl.partial"));
    assertEquals(4, lines.size());
    JsonNode last = JSON.readTree(lines.get(3));
    assertEquals("interrupted", last.get("end").asText());
    assertEquals(3, last.get("frames").asInt());
    assertEquals(JsonLinesRecorder.STOPPED, last.get("reason").asText());
  }

  @Test
  void framesAfterACompleteRunMakeTheRecordInterruptedAgain() throws IOException {
    Path out = dir.resolve("again.jsonl");
    JsonLinesRecorder recorder = new JsonLinesRecorder(config(out.toString(), true), QUIET);
    recorder.onResult(result(0));
    recorder.onEnd(end(""));
    recorder.onResult(result(0));
    recorder.deactivate(STOPPED);
    List<String> lines = Files.readAllLines(dir.resolve("again.jsonl.partial"));
    assertEquals(3, lines.size(), String.join("\n", lines));
    assertEquals("interrupted", JSON.readTree(lines.get(2)).get("end").asText());
  }

  @Test
  void aDeviceOrAFolderIsNotARecord() throws IOException {
    IOException device =
        assertThrows(IOException.class, () -> new JsonLinesRecorder(config("/dev/full", true), QUIET));
    assertEquals("mirror.record.jsonl: path is not a regular file: /dev/full", device.getMessage());
    Path folder = Files.createDirectories(dir.resolve("folder.jsonl.partial"));
    IOException partial =
        assertThrows(
            IOException.class,
            () -> new JsonLinesRecorder(config(dir.resolve("folder.jsonl").toString(), true), QUIET));
    assertEquals("mirror.record.jsonl: path is not a regular file: " + folder, partial.getMessage());
  }

  /**
   * A full disk (a 16 KiB tmpfs; mounting needs root, as the build runs here) fails the write:
   * the run is told with one message, and the file keeps whole lines only, ending with the error.
   */
  @Test
  void aFullDiskStopsTheRecordAtItsLastWholeLineAndKeepsItAsPartial() throws Exception {
    try (SmallDisk disk = SmallDisk.mount(dir.resolve("disk"), "16k")) {
      Path out = disk.dir().resolve("full.jsonl");
      JsonLinesRecorder recorder = new JsonLinesRecorder(config(out.toString(), true), QUIET);
      int written = 0;
      UncheckedIOException failure = null;
      while (failure == null && written < 10_000) {
        try {
          recorder.onResult(result(written));
          written++;
        } catch (UncheckedIOException e) {
          failure = e;
        }
      }
      assertTrue(failure != null, "16 KiB never filled up");
      Path partial = disk.dir().resolve("full.jsonl.partial");
      assertTrue(
          failure.getMessage().startsWith("cannot write " + partial + ": No space left on device; "),
          failure.getMessage());
      assertTrue(failure.getMessage().endsWith("(" + written + " frames) and is kept as " + partial), failure.getMessage());
      recorder.onResult(result(written + 1));
      recorder.onEnd(end(""));
      recorder.deactivate(STOPPED);
      assertFalse(Files.exists(out), "a record cut short must not look complete");
      String text = Files.readString(partial);
      assertTrue(text.endsWith("\n"), "the file ends with a whole line");
      List<String> lines = text.lines().toList();
      List<String> frames = lines.stream().filter(l -> l.startsWith("{\"frame\":")).toList();
      assertEquals(written, frames.size());
      for (int i = 0; i < frames.size(); i++) {
        assertEquals(i, frameOf(frames.get(i)));
      }
      // the error line is added when it fits into what cutting back the last line freed
      if (lines.size() > frames.size()) {
        JsonNode last = JSON.readTree(lines.get(lines.size() - 1));
        assertEquals("error", last.get("end").asText());
        assertEquals("cannot write: No space left on device", last.get("reason").asText());
        assertEquals(written, last.get("frames").asInt());
      }
    }
  }

  private static int frameOf(String line) {
    try {
      return JSON.readTree(line).get("frame").asInt();
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + line, e);
    }
  }
}

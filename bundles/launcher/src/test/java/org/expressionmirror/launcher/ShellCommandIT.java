package org.expressionmirror.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./mirror --shell} as a user runs it: headless over a video read at its own pace, the
 * shell on standard input answers {@code mirror:status} while frames flow, and {@code exit} or the
 * end of the input ends the program with 0 and a complete record whose frames come in order.
 */
class ShellCommandIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> NO_DISPLAY = Map.of("DISPLAY", "", "WAYLAND_DISPLAY", "");

  @TempDir static Path work;
  private static Path clip;

  @BeforeAll
  static void aMinuteOfVideo() throws IOException {
    assertTrue(DistributionRun.built(), "no distribution in " + DistributionRun.DIST);
    // a minute at 5 frames a second, read with --realtime: the run is still going when we type
    clip = MjpegAvi.minute(DistributionRun.PHOTOS.resolve("sample4.jpg"), work.resolve("minute.avi"));
  }

  @Test
  void statusIsAnsweredAndExitCompletesTheRecord() throws Exception {
    Path record = work.resolve("exit.jsonl");
    DistributionRun.Started mirror = start(record);
    try (OutputStream stdin = mirror.process().getOutputStream()) {
      DistributionRun.awaitRecording(mirror, Path.of(record + ".partial"), 90);
      type(stdin, "mirror:status");
      String status = awaitOutput(mirror, "stage ms", 30);
      assertTrue(status.contains("source     " + clip.toAbsolutePath() + " (real time)"), status);
      assertTrue(status.matches("(?s).*detector   [\\w-]+@[\\w.-]+ \\(configured: .*"), status);
      assertTrue(status.matches("(?s).*model      [\\w-]+@[\\w.+,@-]+ \\(configured: .*"), status);
      assertTrue(status.matches("(?s).*frames     \\d+ in the last second \\(\\d+ fps\\); newest frame \\d+.*"), status);
      type(stdin, "mirror:use detector nope");
      awaitError(mirror, "unknown detector id 'nope' (available: ", 30);
      type(stdin, "exit");
      DistributionRun.Result ended = mirror.await(60);
      assertEquals(0, ended.exit(), ended.err());
    } finally {
      mirror.process().destroyForcibly();
    }
    checkComplete(record);
  }

  @Test
  void theEndOfTheInputEndsTheProgramWithACompleteRecord() throws Exception {
    Path record = work.resolve("eof.jsonl");
    DistributionRun.Started mirror = start(record);
    try {
      DistributionRun.awaitRecording(mirror, Path.of(record + ".partial"), 90);
      mirror.process().getOutputStream().close();
      DistributionRun.Result ended = mirror.await(60);
      assertEquals(0, ended.exit(), ended.err());
    } finally {
      mirror.process().destroyForcibly();
    }
    checkComplete(record);
  }

  private static DistributionRun.Started start(Path record) throws IOException {
    return DistributionRun.start(
        work, NO_DISPLAY,
        "--shell", "--headless", "--source", clip.toString(), "--realtime", "--out", record.toString());
  }

  private static void type(OutputStream stdin, String line) throws IOException {
    stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    stdin.flush();
  }

  private static String awaitOutput(DistributionRun.Started run, String text, long seconds) throws Exception {
    return await(run, run.out(), text, seconds);
  }

  private static String awaitError(DistributionRun.Started run, String text, long seconds) throws Exception {
    return await(run, run.err(), text, seconds);
  }

  private static String await(DistributionRun.Started run, Path file, String text, long seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (true) {
      String seen = Files.readString(file);
      if (seen.contains(text)) {
        return seen;
      }
      assertTrue(run.process().isAlive(), "ended before printing '" + text + "': " + seen + Files.readString(run.err()));
      assertTrue(System.nanoTime() < deadline, "no '" + text + "' within " + seconds + " s: " + seen);
      Thread.sleep(200);
    }
  }

  /** The record has its final name, frames in order, and ends complete before the minute is over. */
  private static void checkComplete(Path record) throws IOException {
    assertFalse(Files.exists(Path.of(record + ".partial")), "left as .partial");
    List<String> lines = Files.readAllLines(record);
    JsonNode end = JSON.readTree(lines.get(lines.size() - 1));
    assertEquals("complete", end.get("end").asText(), lines.get(lines.size() - 1));
    assertEquals(lines.size() - 1, end.get("frames").asInt());
    List<Long> frames = new ArrayList<>();
    for (String line : lines.subList(0, lines.size() - 1)) {
      frames.add(JSON.readTree(line).get("frame").asLong());
    }
    assertFalse(frames.isEmpty(), "no frame recorded");
    for (int i = 1; i < frames.size(); i++) {
      assertTrue(frames.get(i) > frames.get(i - 1), "frames in order: " + frames);
    }
    assertTrue(frames.get(frames.size() - 1) < 299, "ended by the shell, not by the end of the minute: " + frames);
  }
}

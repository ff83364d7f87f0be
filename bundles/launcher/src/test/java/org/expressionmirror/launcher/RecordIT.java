package org.expressionmirror.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.expressionmirror.launcher.DistributionRun.Result;
import org.expressionmirror.launcher.DistributionRun.Started;
import org.expressionmirror.platform.ffmpeg.internal.TestVideoWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records are honest: {@code --out} takes only a regular file or a new name; a record gets its
 * final name only when the run read its whole source, and otherwise stays {@code .partial} with a
 * last line saying why; a full disk stops the run; a second program cannot write the same record.
 * Each case checks the exit code, the one line the user reads and what is on disk afterwards.
 */
class RecordIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long LONG_RUN_SECONDS = 120;

  @TempDir static Path work;
  /** A video of {@link #LONG_RUN_SECONDS} at 2 frames per second, made from a test photo. */
  private static Path video;

  @BeforeAll
  static void distributionAndVideo() throws Exception {
    assertTrue(DistributionRun.built(), "no distribution in " + DistributionRun.DIST);
    video = work.resolve("faces.avi");
    BufferedImage photo = ImageIO.read(DistributionRun.PHOTOS.resolve("sample4.jpg").toFile());
    byte[] frame = BgrFrames.scaled(photo, 320, 240);
    List<byte[]> frames = Collections.nCopies((int) (2 * LONG_RUN_SECONDS), frame);
    TestVideoWriter.write(video, "mjpeg", 2, 1, 320, 240, frames);
  }

  @Test
  void aDeviceAFifoOrAFolderIsRefusedBeforeStartAndLeftAsItWas() throws Exception {
    Path photos = photos("devices", "sample4.jpg");
    for (String device : List.of("/dev/full", "/dev/null")) {
      Result run = DistributionRun.run(work, "--headless", "--source", photos.toString(), "--out", device);
      assertEquals(2, run.exit(), run.err());
      assertEquals("error: --out " + device + " is a character device, not a regular file\n", run.err());
      assertTrue(isCharacterDevice(Path.of(device)), device + " is still a device");
      assertFalse(Files.exists(Path.of(device + ".partial")));
    }
    Path fifo = work.resolve("fifo.jsonl");
    run("mkfifo", fifo.toString());
    Result run = DistributionRun.run(work, "--headless", "--source", photos.toString(), "--out", fifo.toString());
    assertEquals(2, run.exit(), run.err());
    assertEquals("error: --out " + fifo + " is a FIFO, not a regular file\n", run.err());
    assertTrue(Files.exists(fifo) && !Files.isRegularFile(fifo), "the FIFO is still there");
    Path folderPartial = Files.createDirectories(work.resolve("taken.jsonl.partial"));
    run = DistributionRun.run(work, "--headless", "--source", photos.toString(), "--out", work.resolve("taken.jsonl").toString());
    assertEquals(2, run.exit(), run.err());
    assertEquals(
        "error: --out " + work.resolve("taken.jsonl") + ": " + folderPartial + " is a folder, not a regular file\n", run.err());
    assertTrue(Files.isDirectory(folderPartial));
    assertFalse(Files.exists(work.resolve("taken.jsonl")));
  }

  @Test
  void aSourceThatFailsMidWayKeepsTheRecordPartialEndingWithTheError() throws Exception {
    // a video that ends before the frame count its header declares: 3 frames read, 5 declared
    Path video = work.resolve("short.avi");
    List<byte[]> jpegs = MjpegAvi.frames(DistributionRun.PHOTOS.resolve("sample4.jpg"), 320, 3);
    BufferedImage first = ImageIO.read(new ByteArrayInputStream(jpegs.get(0)));
    MjpegAvi.write(video, jpegs, first.getWidth(), first.getHeight(), 10, 5);
    String why = "read 3 of 5 frames declared by " + video + "; the rest of the file could not be read";
    Path out = work.resolve("broken.jsonl");
    Result run = DistributionRun.run(work, "--headless", "--source", video.toString(), "--out", out.toString());
    assertEquals(2, run.exit(), run.err());
    assertEquals(List.of("error: " + why), errorLines(run));
    assertFalse(Files.exists(out), "a run whose source failed mid-way must not look complete");
    List<String> lines = Files.readAllLines(partial(out));
    assertEquals(4, lines.size(), String.join("\n", lines));
    for (int i = 0; i < 3; i++) {
      assertEquals(i, JSON.readTree(lines.get(i)).get("frame").asInt());
    }
    JsonNode end = JSON.readTree(lines.get(3));
    assertEquals("error", end.get("end").asText());
    assertEquals(why, end.get("reason").asText());
    assertEquals(3, end.get("frames").asInt());
    assertFalse(Files.exists(RecordLock.fileOf(out)), "the lock is gone with the program");
  }

  /** A full disk: a small tmpfs mounted for the test (mounting needs root, as the build runs here). */
  @Test
  void aFullDiskStopsTheRunAtTheLastWholeLineWithOneLineAndExitCode1() throws Exception {
    Path disk = Files.createDirectories(work.resolve("disk"));
    // 64 KiB: a few lines of this photo's faces (BlazeFace finds all of them: ~3 KiB a line)
    run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", disk.toString());
    try {
      Path out = disk.resolve("full.jsonl");
      Result run = DistributionRun.run(work, "--headless", "--source", video.toString(), "--out", out.toString());
      assertEquals(1, run.exit(), run.err());
      List<String> errors = errorLines(run);
      assertEquals(1, errors.size(), run.err());
      String frames = errors.get(0).replaceAll(".*\\((\\d+) frames\\).*", "$1");
      assertEquals(
          "error: cannot write " + partial(out) + ": No space left on device; the record stops at its last whole line ("
              + frames + " frames) and is kept as " + partial(out),
          errors.get(0));
      assertFalse(Files.exists(out), "a record cut short must not look complete");
      String text = Files.readString(partial(out));
      assertTrue(text.endsWith("\n"), "the record ends with a whole line");
      List<String> lines = text.lines().filter(l -> l.startsWith("{\"frame\":")).toList();
      assertEquals(Integer.parseInt(frames), lines.size());
      assertTrue(lines.size() > 5, "the disk held some frames: " + lines.size());
      for (int i = 0; i < lines.size(); i++) {
        assertEquals(i, JSON.readTree(lines.get(i)).get("frame").asInt(), "frame lines in order, none cut off");
      }
      assertTrue(run.out().contains("summary: "), "the frames that were processed are summed up: " + run.out());
    } finally {
      run("umount", disk.toString());
    }
  }

  @Test
  void aSignalKeepsTheRecordPartialEndingInterrupted() throws Exception {
    Path out = work.resolve("signal.jsonl");
    Started first = startLongRun(out);
    try {
      awaitFrames(first, out, 2);
      first.process().destroy(); // SIGTERM
      Result stopped = first.await(60);
      assertEquals(143, stopped.exit(), "128 + SIGTERM; " + stopped.err());
    } finally {
      first.process().destroyForcibly();
    }
    assertFalse(Files.exists(out), "an interrupted record must not look complete");
    List<String> lines = Files.readAllLines(partial(out));
    JsonNode end = JSON.readTree(lines.get(lines.size() - 1));
    assertEquals("interrupted", end.get("end").asText(), lines.get(lines.size() - 1));
    assertEquals("the program stopped before the source ended", end.get("reason").asText());
    assertEquals(lines.size() - 1, end.get("frames").asInt());
    assertTrue(lines.size() - 1 < LONG_RUN_SECONDS * 2, "stopped before the video's end");
    for (int i = 0; i < lines.size() - 1; i++) {
      assertTrue(JSON.readTree(lines.get(i)).has("frame"), lines.get(i));
    }
    assertFalse(Files.exists(RecordLock.fileOf(out)), "the lock file is removed when the program stops");
  }

  @Test
  void aSecondRunOnTheSameRecordIsRefusedNamingTheFirstUntilTheFirstIsGoneEvenByKill() throws Exception {
    Path out = work.resolve("shared.jsonl");
    Path photos = photos("second", "sample4.jpg");
    Started first = startLongRun(out);
    long pid = first.process().pid();
    try {
      awaitFrames(first, out, 1);
      for (Path same : List.of(out, partial(out))) {
        long t0 = System.nanoTime();
        Result second = DistributionRun.run(work, "--headless", "--source", photos.toString(), "--out", same.toString());
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0);
        assertEquals(2, second.exit(), second.err());
        assertTrue(
            second.err().startsWith("error: --out " + same + " is in use by process " + pid + " ("), second.err());
        assertEquals(1, second.err().lines().count(), second.err());
        // refused before anything starts: far quicker than a start of the program (generous margin)
        assertTrue(seconds < 20, "refused after " + seconds + " s");
        assertTrue(first.process().isAlive(), "the first run goes on");
      }
      first.process().destroyForcibly(); // SIGKILL: no clean-up at all, the system drops the lock
      first.process().waitFor(30, TimeUnit.SECONDS);
    } finally {
      first.process().destroyForcibly();
    }
    assertTrue(Files.exists(RecordLock.fileOf(out)), "a killed program leaves its lock file");
    Result third = DistributionRun.run(work, "--headless", "--source", photos.toString(), "--out", out.toString());
    assertEquals(0, third.exit(), third.err());
    List<String> lines = Files.readAllLines(out);
    assertEquals(2, lines.size(), String.join("\n", lines));
    assertEquals("{\"end\":\"complete\",\"frames\":1}", lines.get(1));
    assertFalse(Files.exists(partial(out)), "the complete run replaced the killed run's partial record");
    assertFalse(Files.exists(RecordLock.fileOf(out)));
  }

  /** A run over the long video at its own pace, writing {@code out}; it runs until stopped. */
  private static Started startLongRun(Path out) throws IOException {
    return DistributionRun.start(
        work, Map.of(), "--headless", "--realtime", "--source", video.toString(), "--out", out.toString());
  }

  private static void awaitFrames(Started run, Path out, int frames) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (!Files.exists(partial(out)) || Files.readAllLines(partial(out)).size() < frames) {
      assertTrue(run.process().isAlive(), "ended by itself: " + Files.readString(run.err()));
      assertTrue(System.nanoTime() < deadline, "no frames within 90 s: " + Files.readString(run.err()));
      Thread.sleep(200);
    }
  }

  private static Path partial(Path out) {
    return out.resolveSibling(out.getFileName() + ".partial");
  }

  private static List<String> errorLines(Result run) {
    return run.err().lines().filter(l -> l.startsWith("error")).toList();
  }

  private static Path photos(String name, String... files) throws IOException {
    Path folder = Files.createDirectories(work.resolve(name));
    for (String f : files) {
      Files.copy(DistributionRun.PHOTOS.resolve(f), folder.resolve(f), StandardCopyOption.REPLACE_EXISTING);
    }
    return folder;
  }

  private static boolean isCharacterDevice(Path p) throws IOException {
    int mode = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
    return (mode & 0170000) == 0020000;
  }

  private static void run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " failed (needs root to mount): " + output);
    }
  }
}

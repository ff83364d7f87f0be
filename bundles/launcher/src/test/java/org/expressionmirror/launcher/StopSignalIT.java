package org.expressionmirror.launcher;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C or a plain kill (SIGINT/SIGTERM run the JVM's shutdown hooks) stops a program before its
 * source ends: the framework stops and the run's scratch folder is removed before the JVM
 * halts, not left for the next start to clean.
 */
class StopSignalIT {
  @TempDir static Path work;

  @BeforeAll
  static void distributionIsBuilt() {
    assertTrue(DistributionRun.built(), "no distribution in " + DistributionRun.DIST);
  }

  @Test
  void aSignalStopsTheProgramAndRemovesItsScratchFolder() throws Exception {
    // a minute of video read at its pace: a run that is still going when the signal comes
    Path clip = work.resolve("minute.avi");
    MjpegAvi.minute(DistributionRun.PHOTOS.resolve("sample4.jpg"), clip);
    Path record = work.resolve("minute.jsonl");
    Path partial = work.resolve("minute.jsonl.partial");
    DistributionRun.Started mirror =
        DistributionRun.start(
            work,
            Map.of("DISPLAY", "", "WAYLAND_DISPLAY", ""),
            "--source", clip.toString(), "--realtime", "--out", record.toString());
    long pid = mirror.process().pid();
    Path scratch = DistributionRun.DIST.resolve("work").resolve("run-" + pid);
    try {
      DistributionRun.awaitRecording(mirror, partial, 90);
      assertTrue(Files.isDirectory(scratch), "the run works in " + scratch);
      mirror.process().destroy(); // SIGTERM: the shutdown hook stops the framework
      assertTrue(mirror.process().waitFor(30, TimeUnit.SECONDS), "the program did not stop on SIGTERM");
    } finally {
      mirror.process().destroyForcibly();
    }
    assertFalse(Files.exists(scratch), "the run's scratch folder was left behind: " + scratch);
    List<String> lines = Files.readAllLines(partial);
    assertTrue(lines.get(lines.size() - 1).startsWith("{\"end\":\"interrupted\""), lines.get(lines.size() - 1));
    assertTrue(lines.size() - 1 < 300, "the whole minute was read before the signal: " + lines.size());
  }
}

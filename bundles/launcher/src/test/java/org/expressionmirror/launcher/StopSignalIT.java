package org.expressionmirror.launcher;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C or a plain kill (SIGINT/SIGTERM run the JVM's shutdown hooks) stops a program that does
 * not end by itself: the framework stops and the run's scratch folder is removed before the JVM
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
    Path photos = Files.createDirectories(work.resolve("photos"));
    Files.copy(
        DistributionRun.PHOTOS.resolve("sample4.jpg"), photos.resolve("sample4.jpg"), StandardCopyOption.REPLACE_EXISTING);
    // no --headless: without a display the mirror runs windowless and waits to be stopped
    DistributionRun.Started mirror =
        DistributionRun.start(
            work, Map.of("DISPLAY", "", "WAYLAND_DISPLAY", ""), "--source", photos.toString());
    long pid = mirror.process().pid();
    Path scratch = DistributionRun.DIST.resolve("work").resolve("run-" + pid);
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (!Files.readString(mirror.out()).contains("summary: ")) {
        assertTrue(mirror.process().isAlive(), "ended by itself: " + Files.readString(mirror.err()));
        assertTrue(System.nanoTime() < deadline, "no summary within 90 s: " + Files.readString(mirror.err()));
        Thread.sleep(200);
      }
      assertTrue(Files.isDirectory(scratch), "the run works in " + scratch);
      mirror.process().destroy(); // SIGTERM: the shutdown hook stops the framework
      assertTrue(mirror.process().waitFor(30, TimeUnit.SECONDS), "the program did not stop on SIGTERM");
    } finally {
      mirror.process().destroyForcibly();
    }
    assertFalse(Files.exists(scratch), "the run's scratch folder was left behind: " + scratch);
  }
}

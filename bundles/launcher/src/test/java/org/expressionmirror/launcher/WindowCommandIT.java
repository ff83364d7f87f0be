package org.expressionmirror.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default mirror as a student runs it, on an X server of its own (Xvfb): the window opens,
 * {@code q} typed into it (xdotool, real X input) ends the program with exit code 0, the
 * components stop and the run's scratch folder (natives unpacked by OpenCV, ONNX Runtime and SWT)
 * is gone.
 */
class WindowCommandIT {

  @TempDir static Path work;
  private static PrivateDisplay x11;

  @BeforeAll
  static void startXvfb() throws Exception {
    x11 = PrivateDisplay.start(work);
  }

  @AfterAll
  static void stopXvfb() {
    if (x11 != null) {
      x11.close();
    }
  }

  @Test
  void qInTheWindowEndsTheProgramCleanly() throws Exception {
    Path photos = Files.createDirectories(work.resolve("photos"));
    Files.copy(DistributionRun.PHOTOS.resolve("sample4.jpg"), photos.resolve("sample4.jpg"), StandardCopyOption.REPLACE_EXISTING);
    DistributionRun.Started mirror =
        DistributionRun.start(work, Map.of("DISPLAY", x11.name()), "--source", photos.toString());
    DistributionRun.Result result;
    try {
      String window = x11.awaitWindow(mirror.process(), 60);
      // the source starts once the window is open: q after the photo's summary, as a user would
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (!Files.readString(mirror.out()).contains("summary: ") && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      x11.xdotool("windowfocus", "--sync", window, "key", "q");
      result = mirror.await(30);
    } finally {
      mirror.process().destroyForcibly();
    }
    assertEquals(0, result.exit(), result.err());
    assertFalse(result.err().contains("Exception"), result.err());
    assertFalse(result.err().contains("ERROR"), result.err());
    assertTrue(result.out().contains("summary: "), result.out());
    try (Stream<Path> runs = Files.list(DistributionRun.DIST.resolve("work"))) {
      long pid = mirror.process().pid();
      assertTrue(
          runs.noneMatch(r -> r.getFileName().toString().equals("run-" + pid)),
          "the run's scratch folder was left behind");
    }
  }
}

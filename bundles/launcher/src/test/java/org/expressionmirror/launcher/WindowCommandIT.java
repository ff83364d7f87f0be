package org.expressionmirror.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
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
  private static Process xvfb;
  private static String display;

  @BeforeAll
  static void startXvfb() throws Exception {
    Path displayFile = work.resolve("display");
    xvfb =
        new ProcessBuilder("sh", "-c", "exec Xvfb -displayfd 1 -screen 0 1280x800x24 -nolisten tcp > " + displayFile)
            .redirectError(work.resolve("xvfb.log").toFile())
            .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      String n = Files.exists(displayFile) ? Files.readString(displayFile).strip() : "";
      if (!n.isEmpty()) {
        display = ":" + n;
        return;
      }
      assertTrue(xvfb.isAlive(), "Xvfb did not start: " + Files.readString(work.resolve("xvfb.log")));
      Thread.sleep(100);
    }
    throw new AssertionError("Xvfb gave no display number within 20 s");
  }

  @AfterAll
  static void stopXvfb() {
    if (xvfb != null) {
      xvfb.destroy();
    }
  }

  @Test
  void qInTheWindowEndsTheProgramCleanly() throws Exception {
    Path photos = Files.createDirectories(work.resolve("photos"));
    Files.copy(DistributionRun.PHOTOS.resolve("sample4.jpg"), photos.resolve("sample4.jpg"), StandardCopyOption.REPLACE_EXISTING);
    DistributionRun.Started mirror =
        DistributionRun.start(work, Map.of("DISPLAY", display), "--source", photos.toString());
    DistributionRun.Result result;
    try {
      String window = awaitWindow(mirror.process());
      // the source starts once the window is open: q after the photo's summary, as a user would
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (!Files.readString(mirror.out()).contains("summary: ") && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      xdotool("windowfocus", "--sync", window, "key", "q");
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
  private static String awaitWindow(Process mirror) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      assertTrue(mirror.isAlive(), "the program ended before its window appeared");
      List<String> ids = xdotool("search", "--onlyvisible", "--name", "Expression Mirror");
      if (!ids.isEmpty()) {
        return ids.get(0);
      }
      Thread.sleep(250);
    }
    throw new AssertionError("no window titled 'Expression Mirror' within 60 s");
  }

  private static List<String> xdotool(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("xdotool"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("DISPLAY", display);
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(20, TimeUnit.SECONDS), "xdotool hung");
    return output.lines().filter(l -> l.matches("\\d+")).toList();
  }
}

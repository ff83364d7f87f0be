package org.expressionmirror.launcher;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private X server (Xvfb, a display number of its own) for the window tests of the built
 * program, and xdotool to find and drive the program's window on it.
 */
final class PrivateDisplay implements AutoCloseable {
  private final Process xvfb;
  private final String name;

  private PrivateDisplay(Process xvfb, String name) {
    this.xvfb = xvfb;
    this.name = name;
  }

  /** Starts Xvfb; it tells its display number through a file in {@code work}. */
  static PrivateDisplay start(Path work) throws Exception {
    Path displayFile = work.resolve("display");
    Process xvfb =
        new ProcessBuilder("sh", "-c", "exec Xvfb -displayfd 1 -screen 0 1280x800x24 -nolisten tcp > " + displayFile)
            .redirectError(work.resolve("xvfb.log").toFile())
            .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      String n = Files.exists(displayFile) ? Files.readString(displayFile).strip() : "";
      if (!n.isEmpty()) {
        return new PrivateDisplay(xvfb, ":" + n);
      }
      assertTrue(xvfb.isAlive(), "Xvfb did not start: " + Files.readString(work.resolve("xvfb.log")));
      Thread.sleep(100);
    }
    xvfb.destroy();
    throw new AssertionError("Xvfb gave no display number within 20 s");
  }

  /** The display, e.g. {@code :1}, for the program's DISPLAY. */
  String name() {
    return name;
  }

  /** The id of the program's window once it is visible, waiting at most {@code seconds}. */
  String awaitWindow(Process mirror, long seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      assertTrue(mirror.isAlive(), "the program ended before its window appeared");
      List<String> ids = xdotool("search", "--onlyvisible", "--name", "Expression Mirror");
      if (!ids.isEmpty()) {
        return ids.get(0);
      }
      Thread.sleep(250);
    }
    throw new AssertionError("no window titled 'Expression Mirror' within " + seconds + " s");
  }

  /** Runs xdotool on this display; returns the window ids it printed. */
  List<String> xdotool(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("xdotool"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("DISPLAY", name);
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(20, TimeUnit.SECONDS), "xdotool hung");
    return output.lines().filter(l -> l.matches("\\d+")).toList();
  }

  @Override
  public void close() {
    xvfb.destroy();
  }
}

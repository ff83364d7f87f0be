package org.expressionmirror.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The run's scratch folder. OpenCV and ONNX Runtime unpack their natives into the temp folder on
 * every start and never clean up, so each run gets {@code work/run-PID} under the distribution as
 * its temp folder (./mirror passes it as {@code java.io.tmpdir}), removed at exit, and folders of
 * runs that are gone are removed at start.
 */
final class AppDirs {
  private AppDirs() {}

  static Path scratch(Path home) throws IOException {
    Path work = home.resolve("work");
    Files.createDirectories(work);
    try (Stream<Path> runs = Files.list(work)) {
      runs.filter(AppDirs::orphan).forEach(AppDirs::delete);
    }
    Path dir = scratchOf(home, ProcessHandle.current().pid());
    delete(dir);
    Files.createDirectories(dir);
    return dir;
  }

  /** The scratch folder of process {@code pid}; ./mirror names it as the JVM's temp folder. */
  static Path scratchOf(Path home, long pid) {
    return home.resolve("work").resolve("run-" + pid);
  }

  private static boolean orphan(Path run) {
    String name = run.getFileName().toString();
    if (!name.startsWith("run-")) {
      return false;
    }
    try {
      long pid = Long.parseLong(name.substring(4));
      return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  static void delete(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

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
 * runs that are gone are removed at start. The self-contained application, whose files may be
 * read-only, names another work folder ({@code mirror.work}, see {@link ImageLaunch}).
 */
final class AppDirs {
  /** The folder holding the runs' scratch folders; default {@code work} in the distribution. */
  static final String WORK = "mirror.work";
  /**
   * The process the run is named after when it is not this JVM: the application's launcher, whose
   * child this JVM is (see {@link ImageLaunch}); default this JVM.
   */
  static final String RUN_PID = "mirror.run.pid";

  private AppDirs() {}

  static Path scratch(Path home) throws IOException {
    Path work = work(home);
    Files.createDirectories(work);
    try (Stream<Path> runs = Files.list(work)) {
      runs.filter(AppDirs::orphan).forEach(AppDirs::delete);
    }
    Path dir = scratchOf(home, runPid());
    delete(dir);
    Files.createDirectories(dir);
    return dir;
  }

  /** The scratch folder of the run of process {@code pid}; ./mirror names it as the JVM's temp folder. */
  static Path scratchOf(Path home, long pid) {
    return work(home).resolve("run-" + pid);
  }

  static Path work(Path home) {
    String work = System.getProperty(WORK);
    return work == null ? home.resolve("work") : Path.of(work).toAbsolutePath().normalize();
  }

  /** The process this run is named after: this JVM, or the application launcher that started it. */
  static long runPid() {
    return Long.getLong(RUN_PID, ProcessHandle.current().pid());
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

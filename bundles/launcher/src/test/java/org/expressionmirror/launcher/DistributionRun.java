package org.expressionmirror.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the built distribution as {@code ./mirror} does: a JVM of its own with the launcher's class
 * path, the distribution as home and the project's runtime-config. For the command-line ITs.
 */
final class DistributionRun {
  static final Path DIST = Path.of(System.getProperty("mirror.dist", "target/dist"));
  static final Path PHOTOS = Path.of(System.getProperty("testdata.dir", "target/testdata/faces"));
  static final Path CONFIG = Path.of("../../runtime-config").toAbsolutePath().normalize();
  private static final long LIMIT_SECONDS = 120;

  /** What a finished run left: exit code, standard output, standard error. */
  record Result(int exit, String out, String err) {}

  private DistributionRun() {}

  static boolean built() {
    return Files.isRegularFile(DIST.resolve("lib/launcher.jar"));
  }

  /**
   * The user folder a run in {@code work} gets: runs never touch the real one in the home folder
   * ({@code HOME} and {@code XDG_DATA_HOME} point into {@code work}).
   */
  static Path userData(Path work) {
    return work.resolve("xdg-data").resolve("expression-mirror");
  }

  /** Starts the program; its output goes to files in {@code work}. */
  static Started start(Path work, Map<String, String> env, String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Dmirror.home=" + DIST.toAbsolutePath());
    cmd.add("-Dmirror.config=" + CONFIG);
    cmd.add("-cp");
    cmd.add(DIST.toAbsolutePath() + "/lib/*");
    cmd.add("org.expressionmirror.launcher.Main");
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile(work, "out", ".txt");
    Path err = Files.createTempFile(work, "err", ".txt");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().put("HOME", work.resolve("home").toString());
    pb.environment().put("XDG_DATA_HOME", work.resolve("xdg-data").toString());
    pb.environment().putAll(env);
    return new Started(pb.start(), out, err, String.join(" ", args));
  }

  /** Runs the program to its end (at most two minutes). */
  static Result run(Path work, String... args) throws IOException, InterruptedException {
    return start(work, Map.of(), args).await(LIMIT_SECONDS);
  }

  /** A running program. */
  record Started(Process process, Path out, Path err, String args) {
    Result await(long seconds) throws IOException, InterruptedException {
      if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(
            "mirror " + args + " did not end within " + seconds + " s; stderr: " + Files.readString(err));
      }
      return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }
  }
}

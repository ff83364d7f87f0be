package org.expressionmirror.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the built distribution as a user does, with {@code ./mirror}: a JVM of its own with the
 * launcher's class path, the distribution as home and the project's runtime-config. For the
 * command-line ITs.
 */
final class DistributionRun {
  static final Path DIST = Path.of(System.getProperty("mirror.dist", "target/dist"));
  static final Path PHOTOS = Path.of(System.getProperty("testdata.dir", "target/testdata/faces"));
  static final Path CONFIG = Path.of("../../runtime-config").toAbsolutePath().normalize();
  /** {@code ./mirror}: it runs the distribution in target/dist with the project's runtime-config. */
  static final Path SCRIPT = Path.of("../../mirror").toAbsolutePath().normalize();
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

  /**
   * Starts the program through the project's {@code mirror} script, which sets what the JVM needs
   * before it starts (telemetry off, the scratch folder as temp folder) and execs it, so the
   * process is the program's JVM. Its output goes to files in {@code work}.
   */
  static Started start(Path work, Map<String, String> env, String... args) throws IOException {
    return start(work, command(args), env, String.join(" ", args));
  }

  /** The command line of {@code ./mirror ARGS}. */
  static List<String> command(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(SCRIPT.toString());
    cmd.addAll(List.of(args));
    return cmd;
  }

  /**
   * Starts {@code cmd} (a command line running the program) with the JDK of this JVM; a null value
   * in {@code env} removes that variable.
   */
  static Started start(Path work, List<String> cmd, Map<String, String> env, String args) throws IOException {
    Path out = Files.createTempFile(work, "out", ".txt");
    Path err = Files.createTempFile(work, "err", ".txt");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
    Path javaBin = Path.of(System.getProperty("java.home"), "bin");
    pb.environment().merge("PATH", javaBin.toString(), (path, bin) -> bin + ":" + path);
    pb.environment().put("HOME", work.resolve("home").toString());
    pb.environment().put("XDG_DATA_HOME", work.resolve("xdg-data").toString());
    // a null value removes the variable
    env.forEach((k, v) -> {
      if (v == null) {
        pb.environment().remove(k);
      } else {
        pb.environment().put(k, v);
      }
    });
    return new Started(pb.start(), out, err, args);
  }

  /** Runs the program to its end (at most two minutes). */
  static Result run(Path work, String... args) throws IOException, InterruptedException {
    return start(work, Map.of(), args).await(LIMIT_SECONDS);
  }

  /** Waits until a running program has recorded a frame into {@code partial}, its record being written. */
  static void awaitRecording(Started run, Path partial, long seconds) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!Files.exists(partial) || Files.readString(partial).lines().count() < 2) {
      if (!run.process().isAlive()) {
        throw new AssertionError("ended by itself: " + Files.readString(run.err()));
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no frame recorded within " + seconds + " s: " + Files.readString(run.err()));
      }
      Thread.sleep(200);
    }
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

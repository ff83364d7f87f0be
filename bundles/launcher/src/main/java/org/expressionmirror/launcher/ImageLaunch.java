package org.expressionmirror.launcher;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starting from the self-contained application (a jpackage app image, whose native launcher sets
 * the system property {@code jpackage.app-path}). Such a launcher starts its JVM with fixed options
 * and cannot set environment variables, but ONNX Runtime's telemetry is off only when
 * ORT_DISABLE_TELEMETRY=1 is in the environment before its native library loads, and the temp
 * folder must be the run's scratch folder, named after a process id. So the launcher's small JVM
 * does what ./mirror does and no more: it starts the image's own java with the environment set,
 * the options of {@code jvm.options} (the file ./mirror reads) and the same arguments, passes on
 * standard input and output, and ends with its exit code. The run and its scratch folder are named
 * after the launcher's process, which lives as long as the run; the run ends when the launcher is
 * killed ({@link #followLauncher}), so a scratch folder is never taken for a dead run's.
 */
final class ImageLaunch {
  /** Set by the native launcher of a jpackage app image: the launcher's own path. */
  static final String APP_PATH = "jpackage.app-path";

  /** How long the run may take to end (closing its record) after the launcher is told to stop. */
  private static final long STOP_SECONDS = 30;

  private ImageLaunch() {}

  /** Whether this JVM is the application launcher's, which only starts the program's. */
  static boolean isLauncher() {
    return System.getProperty(APP_PATH) != null;
  }

  /** Runs the program in a JVM of its own and returns its exit code. */
  static int run(Path home, String[] args) throws IOException, InterruptedException {
    long pid = ProcessHandle.current().pid();
    Path work = work(System.getenv(), System.getProperty("os.name"), System.getProperty("user.home"));
    Path scratch = work.resolve("run-" + pid);
    ProcessBuilder pb = new ProcessBuilder(command(home, work, scratch, pid, args)).inheritIO();
    environment(pb.environment(), scratch);
    Process program = pb.start();
    // a stop signal to the launcher (SIGTERM, Ctrl+C) stops the program as it would stop ./mirror
    Thread stop = new Thread(() -> stop(program), "stop-program");
    Runtime.getRuntime().addShutdownHook(stop);
    int code = program.waitFor();
    Runtime.getRuntime().removeShutdownHook(stop);
    return code;
  }

  private static List<String> command(Path home, Path work, Path scratch, long pid, String[] args) {
    String exe = System.getProperty("os.name", "").startsWith("Windows") ? "java.exe" : "java";
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", exe).toString());
    cmd.add("@" + home.resolve("jvm.options"));
    cmd.add("-Djava.io.tmpdir=" + scratch);
    cmd.add("-Djava.library.path=" + home.resolve(Natives.FOLDER));
    String extra = System.getenv("MIRROR_JAVA_OPTS");
    if (extra != null && !extra.isBlank()) {
      cmd.addAll(Arrays.asList(extra.trim().split("\\s+")));
    }
    cmd.add("-Dmirror.home=" + home);
    cmd.add("-D" + AppDirs.WORK + "=" + work);
    cmd.add("-D" + AppDirs.RUN_PID + "=" + pid);
    cmd.add("-cp");
    // every jar beside the launcher (the framework, the feature reader and its JSON library), as
    // ./mirror's "lib/*": a list spelled out here went stale when the launcher gained jars
    cmd.add(home + File.separator + "*");
    cmd.add(Main.class.getName());
    cmd.addAll(Arrays.asList(args));
    return cmd;
  }

  /** What ./mirror exports, for the same reasons (see there). */
  private static void environment(Map<String, String> env, Path scratch) {
    env.put(Main.TELEMETRY_OFF, "1");
    env.put("XDG_CACHE_HOME", scratch.resolve("cache").toString());
    env.putIfAbsent("MALLOC_ARENA_MAX", "2");
    // file names in the locale's character set: under a C/POSIX locale most names cannot be opened
    if (!System.getProperty("os.name", "").startsWith("Windows")
        && !"UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding"))) {
      env.put("LC_ALL", "C.UTF-8");
    }
  }

  private static void stop(Process program) {
    program.destroy();
    try {
      if (!program.waitFor(STOP_SECONDS, TimeUnit.SECONDS)) {
        program.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Where the runs' scratch folders go: the user's cache folder, since the application's own files
   * may be read-only (installed for all users). Linux: $XDG_CACHE_HOME/expression-mirror
   * (~/.cache/expression-mirror); macOS: ~/Library/Caches/Expression Mirror; Windows:
   * %LOCALAPPDATA%\Expression Mirror\work.
   */
  static Path work(Map<String, String> env, String osName, String userHome) {
    String os = osName.toLowerCase(Locale.ROOT);
    String home = nonBlank(env.get("HOME")) ? env.get("HOME") : userHome;
    if (os.startsWith("windows")) {
      String local = env.get("LOCALAPPDATA");
      Path base = nonBlank(local) ? Path.of(local) : Path.of(userHome, "AppData", "Local");
      return base.resolve("Expression Mirror").resolve("work");
    }
    if (os.startsWith("mac")) {
      return Path.of(home, "Library", "Caches", "Expression Mirror");
    }
    String xdg = env.get("XDG_CACHE_HOME");
    // the XDG spec: a relative XDG_CACHE_HOME is invalid and is ignored
    Path base = nonBlank(xdg) && Path.of(xdg).isAbsolute() ? Path.of(xdg) : Path.of(home, ".cache");
    return base.resolve("expression-mirror");
  }

  /**
   * In the program's JVM started by {@link #run}: ends the run (as a stop signal would, closing its
   * record) when the launcher is gone, killed with no chance to stop it.
   */
  static void followLauncher() {
    long run = AppDirs.runPid();
    if (run != ProcessHandle.current().pid()) {
      ProcessHandle.of(run).ifPresentOrElse(
          launcher -> launcher.onExit().thenRun(() -> System.exit(1)), () -> System.exit(1));
    }
  }

  private static boolean nonBlank(String s) {
    return s != null && !s.isBlank();
  }
}

package org.expressionmirror.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts Expression Mirror: reads the command line and the feature, starts Apache Felix with the
 * feature's bundles and waits until the run ends or the window closes. Problems with the command
 * line or the files it names are reported in one line with exit code 2.
 */
public final class Main {
  static final int USAGE_ERROR = 2;
  private static final String WINDOW_BUNDLE = "org.expressionmirror.display.swt";
  /** The feature {@code --shell} adds, and the bundle whose presence means a console on stdin. */
  static final String SHELL_FEATURE = "shell";
  private static final String SHELL_BUNDLE = "org.expressionmirror.shell";

  /**
   * ONNX Runtime (1.29 on Linux and macOS) uploads usage events to Microsoft and keeps a database
   * and a device id in the user's cache folder. Its native code decides once, at its first start,
   * from this environment variable; no later Java call undoes that, and Java cannot set its own
   * process's environment. So ./mirror exports it.
   */
  static final String TELEMETRY_OFF = "ORT_DISABLE_TELEMETRY";

  private Main() {}

  public static void main(String[] args) {
    System.setProperty(
        "java.util.logging.SimpleFormatter.format", "%4$s %3$s: %5$s%6$s%n");
    // "eval" or "train" as the first word selects that command and its own options
    boolean eval = args.length > 0 && args[0].equals("eval");
    boolean train = args.length > 0 && args[0].equals("train");
    List<String> rest = Arrays.asList(args).subList(eval || train ? 1 : 0, args.length);
    String usage = eval ? EvalOptions.USAGE : train ? TrainOptions.USAGE : Options.USAGE;
    if (!rest.isEmpty() && (rest.get(0).equals("--help") || rest.get(0).equals("-h"))) {
      System.out.println(usage);
      return;
    }
    Path home = Path.of(System.getProperty("mirror.home", ".")).toAbsolutePath().normalize();
    if (ImageLaunch.isLauncher()) {
      System.exit(relaunch(home, args));
    }
    Path defaultConfig = Path.of(System.getProperty("mirror.config", home.resolve("runtime-config").toString()));
    int code;
    try {
      requireLaunchSettings(home);
      Options options =
          eval
              ? EvalOptions.parse(rest, defaultConfig).toOptions()
              : train ? TrainOptions.parse(rest, defaultConfig).toOptions() : Options.parse(rest, defaultConfig);
      code = run(home, options);
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.err.println(usage);
      code = USAGE_ERROR;
    } catch (IOException e) {
      System.err.println("error: " + e.getMessage());
      code = USAGE_ERROR;
    }
    System.exit(code);
  }

  /** The self-contained application's launcher: the program runs in a JVM of its own. */
  private static int relaunch(Path home, String[] args) {
    try {
      return ImageLaunch.run(home, args);
    } catch (IOException e) {
      System.err.println("error: cannot start the program's Java runtime: " + e.getMessage());
      return USAGE_ERROR;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return USAGE_ERROR;
    }
  }

  static int run(Path home, Options options) throws IOException {
    check(options);
    Path out = options.out() == null ? null : OutFile.check(options.out());
    Path user =
        UserHome.prepare(
            options.home() != null
                ? options.home()
                : UserHome.locate(System.getenv(), System.getProperty("os.name"), System.getProperty("user.home")));
    // the user's features first: a user can replace a shipped one without touching the distribution
    FeatureCheck check =
        new FeatureCheck(
            home.resolve("bundles"),
            List.of(user.resolve(UserHome.DEPLOY)),
            List.of(home.resolve("models"), user.resolve(UserHome.MODELS)),
            options.config());
    List<Path> featureDirs = List.of(user.resolve(UserHome.FEATURES), home.resolve("features"));
    Feature feature = Feature.load(featureDirs, options.feature(), check);
    if (options.shell()) {
      feature = withShell(feature, Feature.load(featureDirs, SHELL_FEATURE, check));
    }
    feature.requireLaunchBundle();
    checkCamera(options, feature, System.getenv());
    // a second program writing the same record is refused here, before anything starts; the
    // runtime lets go of the lock once the framework has stopped
    RecordLock lock = out == null ? null : RecordLock.take(out);
    Path scratch = AppDirs.scratch(home);
    Natives.useUnpacked(home);
    Leftovers.removeFromSystemTemp();
    // SWT unpacks its natives to ~/.swt unless told otherwise
    System.setProperty("swt.library.path", Files.createDirectories(scratch.resolve("swt")).toString());
    // and keeps window-frame sizes in user.home/.swt/trims.prefs when its display closes: the
    // program keeps nothing in the user's home, so that home is the scratch folder
    System.setProperty("user.home", Files.createDirectories(scratch.resolve("home")).toString());
    try {
      Map<String, String> properties = frameworkProperties(home, user, scratch, feature, options);
      PortCheck.requireFree(properties);
      if (out != null) {
        properties.put("mirror.out", out.toString());
      }
      // Bundle jars are dropped here; FileInstall watches it (the launch bundle configures that).
      Files.createDirectories(Path.of(properties.get("mirror.deploy.dir")));
      return new FelixRuntime(home, scratch, feature, properties, lock).runUntilStopped();
    } finally {
      AppDirs.delete(scratch);
      if (lock != null) {
        lock.close(); // when the framework did not start; closing twice does nothing
      }
    }
  }

  /**
   * Refuses a JVM started without what ./mirror sets before it starts, since no code can set it
   * later: ONNX Runtime's telemetry switch, and the temp folder, which the JDK reads once at start
   * and where OpenCV and ONNX Runtime unpack their natives; it must be this run's scratch folder
   * (removed at exit, and by the next start if this process is killed).
   */
  private static void requireLaunchSettings(Path home) throws IOException {
    if (!"1".equals(System.getenv(TELEMETRY_OFF))) {
      throw new IOException(
          TELEMETRY_OFF + "=1 is not set, and without it ONNX Runtime sends telemetry to Microsoft;"
              + " start the program with ./mirror, which sets it");
    }
    long run = AppDirs.runPid();
    long self = ProcessHandle.current().pid();
    if (run != self && ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(self) != run) {
      throw new IOException(
          AppDirs.RUN_PID + " is " + run + ", which did not start this program; start the program with ./mirror");
    }
    ImageLaunch.followLauncher();
    Path scratch = AppDirs.scratchOf(home, run);
    Path temp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
    if (!temp.equals(scratch)) {
      throw new IOException(
          "java.io.tmpdir is " + temp + ", not the run's scratch folder " + scratch
              + "; start the program with ./mirror, which sets it");
    }
  }

  /** Refuses, before anything starts, what the command line names but cannot exist. */
  private static void check(Options o) throws IOException {
    if (!Files.isDirectory(o.config())) {
      throw new IOException("config folder not found: " + o.config());
    }
    if (o.source() != null && !o.source().startsWith("camera:") && !Files.exists(Path.of(o.source()))) {
      throw new IOException("source not found: " + o.source());
    }
    if (o.recursive() && !Files.isDirectory(Path.of(o.source()))) {
      throw new IOException("--recursive reads a folder, but the source is not one: " + o.source());
    }
  }

  /**
   * A camera that does not exist, when no window could show the error and offer another source
   * (a batch run, or no display), ends the program at once: OpenCV would take the framework's
   * whole start to find out, and print its own warnings besides. Only where cameras are device
   * files (Linux: camera N is /dev/videoN); elsewhere the capture bundle reports it.
   */
  static void checkCamera(Options o, Feature feature, Map<String, String> env) throws IOException {
    if (System.getProperty("os.name", "").startsWith("Linux")) {
      checkCamera(o, feature, env, Path.of("/dev"));
    }
  }

  /**
   * Also: a camera that exists, when no window can show it and the run is not a batch run, would
   * show and write nothing for ever, so that ends the program too.
   *
   * @param dev where camera N is the device file videoN
   */
  static void checkCamera(Options o, Feature feature, Map<String, String> env, Path dev) throws IOException {
    String source = o.source() != null ? o.source() : feature.properties().get("mirror.source");
    boolean window = feature.bundles().contains("org.expressionmirror.display.swt") && !o.headless();
    boolean display =
        !env.getOrDefault("DISPLAY", "").isBlank() || !env.getOrDefault("WAYLAND_DISPLAY", "").isBlank();
    if (source == null || !source.matches("camera:\\d+") || (window && display)) {
      return;
    }
    if (!Files.isDirectory(dev)) {
      return;
    }
    String index = source.substring("camera:".length());
    Path device = dev.resolve("video" + index);
    if (!Files.exists(device)) {
      throw new IOException(
          "camera "
              + index
              + " did not open: "
              + device
              + " does not exist"
              + (window ? " (and with no display, DISPLAY and WAYLAND_DISPLAY unset, there is no window to choose another)" : ""));
    }
    if (window) {
      // a camera run with no window would show nothing and write nothing, for ever
      throw new IOException(
          "no display (DISPLAY and WAYLAND_DISPLAY are unset) to show camera "
              + index
              + ": run it on the desktop (or ssh -X), or use --headless --out FILE.jsonl to record"
              + " its numbers");
    }
  }

  /**
   * The feature with the shell feature's bundles added after its own (each once); its own
   * properties win over the shell feature's.
   */
  static Feature withShell(Feature feature, Feature shell) {
    List<String> bundles = new ArrayList<>(feature.bundles());
    shell.bundles().stream().filter(b -> !bundles.contains(b)).forEach(bundles::add);
    Map<String, String> properties = new HashMap<>(shell.properties());
    properties.putAll(feature.properties());
    return new Feature(
        feature.name(), List.copyOf(bundles), Map.copyOf(properties), feature.configurations(), feature.locked());
  }

  /** The window bundle's own test (DisplayGate): an X11 or Wayland display is named. */
  static boolean hasDisplay(Map<String, String> env) {
    return !env.getOrDefault("DISPLAY", "").isBlank() || !env.getOrDefault("WAYLAND_DISPLAY", "").isBlank();
  }

  private static Map<String, String> frameworkProperties(
      Path home, Path user, Path scratch, Feature feature, Options o) {
    Map<String, String> p = new HashMap<>(feature.properties());
    p.put("org.osgi.framework.storage", scratch.resolve("felix-cache").toString());
    p.put("org.osgi.framework.storage.clean", "onFirstInit");
    p.put("felix.fileinstall.dir", o.config().toAbsolutePath().toString());
    p.put("felix.fileinstall.poll", "250");
    p.put("felix.fileinstall.noInitialDelay", "true");
    p.put("felix.fileinstall.enableConfigSave", "false");
    p.put("felix.fileinstall.log.level", "2");
    p.put("ds.loglevel", "warn");
    p.put("mirror.home", home.toString());
    // the feature's name, configurations and locked keys, put in force by the launch bundle
    p.putAll(feature.launchProperties());
    p.put("mirror.user.home", user.toString());
    // shipped models (read-only, in the distribution) and the user's, read together
    p.putIfAbsent("mirror.models.dir", home.resolve("models").toString());
    p.putIfAbsent("mirror.models.user.dir", user.resolve(UserHome.MODELS).toString());
    p.putIfAbsent("mirror.deploy.dir", user.resolve(UserHome.DEPLOY).toString());
    // what the program remembers between runs to start faster (passed golden checks)
    p.putIfAbsent("mirror.cache.dir", user.resolve(UserHome.CACHE).toString());
    if (o.source() != null) {
      String s = o.source();
      p.put("mirror.source", s.startsWith("camera:") ? s : Path.of(s).toAbsolutePath().toString());
    }
    if (o.out() != null) {
      p.put("mirror.out", o.out().toAbsolutePath().toString());
    }
    if (o.headless()) {
      p.put("mirror.exitAtEnd", "true");
      p.put("mirror.headless", "true");
    }
    if (o.realtime()) {
      p.put("mirror.realtime", "true");
    }
    boolean windowRun = !o.headless() && feature.bundles().contains(WINDOW_BUNDLE);
    if (windowRun && hasDisplay(System.getenv())) {
      // the source waits for the window, which then shows it from frame 0 (the launch bundle)
      p.put("mirror.window", "true");
    } else if (windowRun && o.source() != null && !o.source().startsWith("camera:")) {
      // no window can open (the window bundle says so): a file is read to its end, as with
      // --headless, instead of the program sitting at the end with nothing to show
      p.put("mirror.exitAtEnd", "true");
    }
    if (feature.bundles().contains(SHELL_BUNDLE)) {
      // a feature with the shell has its console on standard input (-Dmirror.shell=false: none)
      p.put(Options.SHELL, "true");
    }
    p.putAll(o.properties());
    return p;
  }
}

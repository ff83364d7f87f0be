package org.expressionmirror.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

  private Main() {}

  public static void main(String[] args) {
    System.setProperty(
        "java.util.logging.SimpleFormatter.format", "%4$s %3$s: %5$s%6$s%n");
    // "eval" as the first word selects the evaluation command and its own options
    boolean eval = args.length > 0 && args[0].equals("eval");
    List<String> rest = Arrays.asList(args).subList(eval ? 1 : 0, args.length);
    String usage = eval ? EvalOptions.USAGE : Options.USAGE;
    if (!rest.isEmpty() && (rest.get(0).equals("--help") || rest.get(0).equals("-h"))) {
      System.out.println(usage);
      return;
    }
    Path home = Path.of(System.getProperty("mirror.home", ".")).toAbsolutePath().normalize();
    Path defaultConfig = Path.of(System.getProperty("mirror.config", home.resolve("runtime-config").toString()));
    int code;
    try {
      Options options =
          eval ? EvalOptions.parse(rest, defaultConfig).toOptions() : Options.parse(rest, defaultConfig);
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

  static int run(Path home, Options options) throws IOException {
    check(options);
    Path user =
        UserHome.prepare(
            options.home() != null
                ? options.home()
                : UserHome.locate(System.getenv(), System.getProperty("os.name"), System.getProperty("user.home")));
    // the user's features first: a user can replace a shipped one without touching the distribution
    Feature feature =
        Feature.load(List.of(user.resolve(UserHome.FEATURES), home.resolve("features")), options.feature());
    Path scratch = AppDirs.scratch(home);
    System.setProperty("java.io.tmpdir", scratch.toString());
    // SWT unpacks its natives to ~/.swt unless told otherwise
    System.setProperty("swt.library.path", Files.createDirectories(scratch.resolve("swt")).toString());
    try {
      Map<String, String> properties = frameworkProperties(home, user, scratch, feature, options);
      // Model bundle jars are dropped here; FileInstall watches it (see the pipeline's LaunchSettings).
      Files.createDirectories(Path.of(properties.get("mirror.deploy.dir")));
      return new FelixRuntime(home, scratch, feature, properties).runUntilStopped();
    } finally {
      AppDirs.delete(scratch);
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
    if (o.out() != null) {
      Path dir = o.out().toAbsolutePath().getParent();
      if (dir == null || !Files.isDirectory(dir)) {
        throw new IOException("folder of --out does not exist: " + dir);
      }
      if (Files.isDirectory(o.out())) {
        throw new IOException("--out names a folder, not a file: " + o.out());
      }
      // a record writer that cannot open its file never starts, and a headless run waits for it
      try {
        Files.delete(Files.createTempFile(dir, ".mirror-", ".probe"));
      } catch (IOException e) {
        throw new IOException("cannot create a file in the folder of --out: " + dir + " (" + e + ")");
      }
    }
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
    p.put("mirror.user.home", user.toString());
    // shipped models (read-only, in the distribution) and the user's, read together
    p.putIfAbsent("mirror.models.dir", home.resolve("models").toString());
    p.putIfAbsent("mirror.models.user.dir", user.resolve(UserHome.MODELS).toString());
    p.putIfAbsent("mirror.deploy.dir", user.resolve(UserHome.DEPLOY).toString());
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
    if (!o.headless() && feature.bundles().contains(WINDOW_BUNDLE) && hasDisplay(System.getenv())) {
      // the source waits for the window, which then shows it from frame 0 (pipeline LaunchSettings)
      p.put("mirror.window", "true");
    }
    p.putAll(o.properties());
    return p;
  }
}

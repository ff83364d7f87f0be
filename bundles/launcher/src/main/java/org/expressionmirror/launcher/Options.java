package org.expressionmirror.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line.
 *
 * @param feature bundle set to start
 * @param source camera:N or a path; null for the feature's default
 * @param out JSON Lines file to write, or null
 * @param config runtime-config folder watched while running
 * @param headless no window; exit when the source ends
 * @param realtime pace files like a camera
 * @param home the user's folder (models, model bundles, features), or null for the platform's
 *     default ({@link UserHome})
 * @param properties extra framework properties given as {@code -Dkey=value} after the options, and
 *     {@code mirror.recursive=true} for {@code --recursive}
 */
record Options(
    String feature,
    String source,
    Path out,
    Path config,
    boolean headless,
    boolean realtime,
    Path home,
    Map<String, String> properties) {
  /** The framework property that {@code --recursive} sets, read by the pipeline's launch settings. */
  static final String RECURSIVE = "mirror.recursive";

  static final String USAGE =
      String.join(
          "\n",
          "usage: mirror [--feature NAME] [--source camera:N|FILE|FOLDER] [--config DIR] [--realtime]",
          "              [--recursive] [--home DIR]",
          "       mirror --headless --source camera:N|VIDEO|IMAGE|FOLDER --out FILE.jsonl",
          "              [--feature NAME] [--config DIR] [--realtime] [--recursive] [--home DIR]",
          "       mirror eval --dataset DIR [--model ID] [--compare ID] [--detector ID|none] [--out FILE.json]",
          "              (mirror eval --help for details)",
          "       mirror train --dataset DIR [--name NAME] [--folds K] [--detector none|ID] [--out DIR]",
          "              (mirror train --help for details)",
          "",
          "  --feature NAME   bundle set from features/NAME.feature (default: mirror, or headless)",
          "  --source SPEC    camera:N, a video file, an image file or a folder of images",
          "  --out FILE       write one JSON object of expression numbers per frame (never images)",
          "  --config DIR     runtime-config folder, watched while running (default: runtime-config)",
          "  --realtime       pace a file at its own frame rate; drop frames like a camera",
          "  --recursive      for a folder source: read its subfolders too, in name order",
          "  --headless       no window; process the whole source, print a summary and exit",
          "  --home DIR       your folder for added models (models/), model bundles (deploy/) and",
          "                   features (features/); default " + UserHome.DEFAULT_DESCRIPTION);

  /** Parses the arguments; an unknown or incomplete option throws naming it. */
  static Options parse(List<String> args, Path defaultConfig) {
    String feature = null;
    String source = null;
    Path out = null;
    Path config = defaultConfig;
    boolean headless = false;
    boolean realtime = false;
    Path home = null;
    Map<String, String> properties = new LinkedHashMap<>();
    List<String> rest = new ArrayList<>(args);
    while (!rest.isEmpty()) {
      String a = rest.remove(0);
      switch (a) {
        case "--feature" -> feature = value(a, rest);
        case "--source" -> source = value(a, rest);
        case "--out" -> out = Path.of(value(a, rest));
        case "--config" -> config = Path.of(value(a, rest));
        case "--headless" -> headless = true;
        case "--realtime" -> realtime = true;
        case "--recursive" -> properties.put(RECURSIVE, "true");
        case "--home" -> home = Path.of(value(a, rest));
        default -> property(a, properties, "unknown option: ");
      }
    }
    if (headless && source == null) {
      throw new IllegalArgumentException("--headless needs --source");
    }
    if (Boolean.parseBoolean(properties.get(RECURSIVE))
        && (source == null || source.startsWith("camera:"))) {
      throw new IllegalArgumentException("--recursive needs --source FOLDER");
    }
    if (feature == null) {
      feature = headless ? "headless" : "mirror";
    }
    return new Options(feature, source, out, config, headless, realtime, home, properties);
  }

  /** Whether a folder source is read with its subfolders. */
  boolean recursive() {
    return Boolean.parseBoolean(properties.get(RECURSIVE));
  }

  /** Takes {@code -Dkey=value} as a framework property; anything else is refused with {@code why}. */
  static void property(String arg, Map<String, String> properties, String why) {
    if (!arg.startsWith("-D") || !arg.contains("=")) {
      throw new IllegalArgumentException(why + arg);
    }
    properties.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
  }

  /** The value after {@code option}; a missing one throws naming the option. */
  static String value(String option, List<String> rest) {
    if (rest.isEmpty() || rest.get(0).startsWith("--")) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return rest.remove(0);
  }
}

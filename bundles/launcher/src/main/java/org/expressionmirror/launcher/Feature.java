package org.expressionmirror.launcher;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A variant of the program: the bundles it starts, the framework properties it sets and the
 * configurations it puts in force, read at start from {@code features/NAME.json} (an OSGi Feature
 * Service JSON feature, see {@link JsonFeature}) or, in the older text format, {@code
 * features/NAME.feature}: lines {@code include OTHER}, {@code bundle ARTIFACT-ID} (a jar in the
 * distribution's bundles folder) or {@code property KEY=VALUE}; {@code #} starts a comment.
 *
 * @param name feature name
 * @param bundles artifact ids in start order, included features first
 * @param properties framework property defaults
 * @param configurations configuration values by PID and key (Config Admin at start), included
 *     features first and overridden by the including one
 * @param locked the {@code PID/key} pairs that cannot be changed while the feature runs
 *
 * <p>Public so the OSGi integration tests start exactly the bundles a feature names.
 */
public record Feature(
    String name,
    List<String> bundles,
    Map<String, String> properties,
    Map<String, Map<String, String>> configurations,
    Set<String> locked) {

  /** A feature of bundles and framework properties only. */
  public Feature(String name, List<String> bundles, Map<String, String> properties) {
    this(name, bundles, properties, Map.of(), Set.of());
  }

  /** The bundle that puts a feature's configurations in force (its Config Admin plugin). */
  public static final String LAUNCH_BUNDLE = "org.expressionmirror.launch";
  /** The plugin id that bundle registers; Config Admin waits for it when it is named here. */
  static final String PLUGIN_ID = "mirror.feature";

  /**
   * The framework properties that hand this feature's name, configurations and locked keys to
   * the launch bundle (the window reads the locks too). With configurations, Felix Config Admin
   * is told to wait for the launch bundle's plugin ({@code felix.cm.config.plugins}), so nothing
   * is configured without them.
   */
  public Map<String, String> launchProperties() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("mirror.feature", name);
    p.put("mirror.feature.locked", String.join(",", new TreeSet<>(locked)));
    if (!configurations.isEmpty()) {
      JsonObjectBuilder all = Json.createObjectBuilder();
      configurations.forEach(
          (pid, values) -> {
            JsonObjectBuilder keys = Json.createObjectBuilder();
            values.forEach(keys::add);
            all.add(pid, keys);
          });
      p.put("mirror.feature.configurations", all.build().toString());
      p.put("felix.cm.config.plugins", PLUGIN_ID);
    }
    return p;
  }

  /**
   * A feature with configurations must start the launch bundle: Config Admin would otherwise
   * wait for its plugin for ever.
   */
  void requireLaunchBundle() throws IOException {
    if (!configurations.isEmpty() && !bundles.contains(LAUNCH_BUNDLE)) {
      throw new IOException(
          "feature '" + name + "' sets configurations (" + String.join(", ", new TreeSet<>(configurations.keySet()))
              + ") but does not start bundle " + LAUNCH_BUNDLE + ", which puts them in force: include feature 'pipeline'");
    }
  }

  public static Feature load(Path dir, String name) throws IOException {
    return load(List.of(dir), name);
  }

  /**
   * Reads feature {@code name} from the first of {@code dirs} that has it (the user's folder
   * before the shipped one); an included feature is looked up the same way.
   */
  public static Feature load(List<Path> dirs, String name) throws IOException {
    return load(dirs, name, null);
  }

  /**
   * As {@link #load(List, String)}; {@code name} may also be the path of a {@code .json} file.
   * With a {@code check}, every bundle and configuration value is checked against the
   * distribution as it is read, so a mistake is named with its file, key and value before
   * anything starts.
   */
  static Feature load(List<Path> dirs, String name, FeatureCheck check) throws IOException {
    Parts parts = new Parts(dirs, check);
    String shortName;
    if (JsonFeature.isPath(name)) {
      Path file = Path.of(name).toAbsolutePath().normalize();
      if (!Files.isRegularFile(file)) {
        throw new IOException("--feature " + name + ": no such file");
      }
      shortName = JsonFeature.nameOf(file);
      parts.read(shortName, file);
    } else {
      shortName = name;
      parts.read(name);
    }
    Map<String, Map<String, String>> configs = new LinkedHashMap<>();
    parts.configurations.forEach((pid, values) -> configs.put(pid, Map.copyOf(values)));
    return new Feature(
        shortName,
        List.copyOf(parts.bundles),
        Map.copyOf(parts.properties),
        Map.copyOf(configs),
        Set.copyOf(parts.locked));
  }

  /** What the feature files read so far add up to. */
  static final class Parts {
    final List<Path> dirs;
    final FeatureCheck check;
    final List<String> bundles = new ArrayList<>();
    final Map<String, String> properties = new LinkedHashMap<>();
    final Map<String, Map<String, String>> configurations = new LinkedHashMap<>();
    final Set<String> locked = new LinkedHashSet<>();
    private final Set<String> reading = new HashSet<>();
    private final Set<String> done = new HashSet<>();

    Parts(List<Path> dirs, FeatureCheck check) {
      this.dirs = dirs;
      this.check = check;
    }

    void read(String name) throws IOException {
      // a feature included twice (a diamond) is read once, so it cannot reset properties set since
      if (done.contains(name)) {
        return;
      }
      read(name, find(dirs, name));
    }

    void read(String name, Path file) throws IOException {
      if (!reading.add(name)) {
        throw new IOException("feature '" + name + "' includes itself");
      }
      if (file.getFileName().toString().endsWith(".json")) {
        JsonFeature.read(file, this);
      } else {
        readText(file);
      }
      reading.remove(name);
      done.add(name);
    }

    void addBundle(String id) {
      if (!bundles.contains(id)) {
        bundles.add(id);
      }
    }

    private void readText(Path file) throws IOException {
      List<String> lines = Files.readAllLines(file);
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String[] split = line.split("\\s+", 2);
        String arg = split.length > 1 ? split[1].strip() : "";
        switch (split[0]) {
          case "include" -> read(arg);
          case "bundle" -> addBundle(arg);
          case "property" -> {
            int eq = arg.indexOf('=');
            if (eq <= 0) {
              throw new IOException(file + ":" + (i + 1) + ": property needs KEY=VALUE: " + line);
            }
            properties.put(arg.substring(0, eq).strip(), arg.substring(eq + 1).strip());
          }
          default -> throw new IOException(file + ":" + (i + 1) + ": unknown line: " + line);
        }
      }
    }
  }

  private static Path find(List<Path> dirs, String name) throws IOException {
    for (Path dir : dirs) {
      for (String ext : new String[] {".json", ".feature"}) {
        Path file = dir.resolve(name + ext);
        if (Files.isRegularFile(file)) {
          return file;
        }
      }
    }
    List<String> tried = dirs.stream().map(d -> d.resolve(name + ".json").toString()).toList();
    throw new IOException(
        "unknown feature '" + name + "': no file " + String.join(" or ", tried) + " (nor NAME.feature in the text format)");
  }
}

package org.expressionmirror.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A named bundle set read from {@code features/NAME.feature}. Lines are {@code include OTHER},
 * {@code bundle ARTIFACT-ID} (a jar in the distribution's bundles folder) or {@code property
 * KEY=VALUE} (a framework property default); {@code #} starts a comment.
 *
 * @param name feature name
 * @param bundles artifact ids in start order, included features first
 * @param properties framework property defaults
 *
 * <p>Public so the OSGi integration tests start exactly the bundles a feature names.
 */
public record Feature(String name, List<String> bundles, Map<String, String> properties) {

  public static Feature load(Path dir, String name) throws IOException {
    return load(List.of(dir), name);
  }

  /**
   * Reads feature {@code name} from the first of {@code dirs} that has it (the user's folder
   * before the shipped one); an included feature is looked up the same way.
   */
  public static Feature load(List<Path> dirs, String name) throws IOException {
    List<String> bundles = new ArrayList<>();
    Map<String, String> properties = new LinkedHashMap<>();
    read(dirs, name, bundles, properties, new HashSet<>(), new HashSet<>());
    return new Feature(name, List.copyOf(bundles), Map.copyOf(properties));
  }

  private static void read(
      List<Path> dirs,
      String name,
      List<String> bundles,
      Map<String, String> props,
      Set<String> reading,
      Set<String> done)
      throws IOException {
    // a feature included twice (a diamond) is read once, so it cannot reset properties set since
    if (done.contains(name)) {
      return;
    }
    if (!reading.add(name)) {
      throw new IOException("feature '" + name + "' includes itself");
    }
    Path file = find(dirs, name);
    List<String> lines = Files.readAllLines(file);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\\s+", 2);
      String arg = parts.length > 1 ? parts[1].strip() : "";
      switch (parts[0]) {
        case "include" -> read(dirs, arg, bundles, props, reading, done);
        case "bundle" -> {
          if (!bundles.contains(arg)) {
            bundles.add(arg);
          }
        }
        case "property" -> {
          int eq = arg.indexOf('=');
          if (eq <= 0) {
            throw new IOException(file + ":" + (i + 1) + ": property needs KEY=VALUE: " + line);
          }
          props.put(arg.substring(0, eq).strip(), arg.substring(eq + 1).strip());
        }
        default -> throw new IOException(file + ":" + (i + 1) + ": unknown line: " + line);
      }
    }
    reading.remove(name);
    done.add(name);
  }

  private static Path find(List<Path> dirs, String name) throws IOException {
    for (Path dir : dirs) {
      Path file = dir.resolve(name + ".feature");
      if (Files.isRegularFile(file)) {
        return file;
      }
    }
    List<String> tried = dirs.stream().map(d -> d.resolve(name + ".feature").toString()).toList();
    throw new IOException("unknown feature '" + name + "': no file " + String.join(" or ", tried));
  }
}

package org.expressionmirror.launcher;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.service.feature.FeatureBundle;
import org.osgi.service.feature.FeatureConfiguration;
import org.osgi.service.feature.FeatureExtension;
import org.osgi.service.feature.FeatureService;

/**
 * Reads one JSON feature (OSGi Feature Service 1.0, read by Apache Felix's implementation). What
 * the specification leaves to the launcher is decided here:
 *
 * <ul>
 *   <li>a bundle ID {@code group:artifact:version} is the jar {@code bundles/ARTIFACT.jar} of the
 *       distribution, which holds one version of each bundle (the ID's version is not compared);
 *   <li>the extension {@code mirror:include} (text, one feature name a line) includes other
 *       features, read first, as the specification has no includes;
 *   <li>the extension {@code framework-launching-properties} (JSON object, as the OSGi Feature
 *       Launcher names it) holds framework properties;
 *   <li>configuration values are put in force as strings, as a {@code .cfg} file's are; an array
 *       becomes a comma-separated list; {@code ${name}} is replaced by the feature's variable;
 *   <li>the extension {@code mirror:locked} (text, one {@code PID/key} a line) locks configured
 *       keys: they keep the feature's value while it runs and the window shows them fixed.
 * </ul>
 */
final class JsonFeature {
  static final String INCLUDE = "mirror:include";
  static final String LOCKED = "mirror:locked";
  static final String LAUNCH_PROPERTIES = "framework-launching-properties";
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]+)}");

  private JsonFeature() {}

  /** Whether a --feature value names a file rather than a feature. */
  static boolean isPath(String name) {
    return name.endsWith(".json") || name.contains("/") || name.contains("\\");
  }

  static String nameOf(Path file) {
    String f = file.getFileName().toString();
    return f.endsWith(".json") ? f.substring(0, f.length() - ".json".length()) : f;
  }

  static void read(Path file, Feature.Parts parts) throws IOException {
    String text = Files.readString(file);
    checkShape(file, text);
    org.osgi.service.feature.Feature feature;
    try (Reader reader = new StringReader(text)) {
      feature = service().readFeature(reader);
    } catch (RuntimeException e) {
      throw new IOException(file + ": not a JSON feature: " + e.getMessage(), e);
    }
    for (String include : texts(feature, INCLUDE)) {
      try {
        parts.read(include.strip());
      } catch (IOException e) {
        if (e.getMessage().startsWith("unknown feature")) {
          throw new IOException(file + ": " + INCLUDE + " = '" + include.strip() + "': " + e.getMessage(), e);
        }
        throw e;
      }
    }
    for (FeatureBundle b : feature.getBundles()) {
      String artifact = b.getID().getArtifactId();
      if (parts.check != null) {
        java.util.Optional<String> problem = parts.check.bundle(artifact);
        if (problem.isPresent()) {
          fail(file, "bundles", b.getID().toString(), problem.get());
        }
      }
      parts.addBundle(artifact);
    }
    launchProperties(file, feature).forEach(parts.properties::put);
    for (FeatureConfiguration c : feature.getConfigurations().values()) {
      configuration(file, feature, c, parts);
    }
    for (String lock : locked(file, feature)) {
      int slash = lock.indexOf('/');
      Map<String, String> values = slash < 0 ? null : parts.configurations.get(lock.substring(0, slash));
      if (values == null || !values.containsKey(lock.substring(slash + 1))) {
        fail(file, LOCKED, lock, "not a PID/key this feature configures");
      }
      parts.locked.add(lock);
    }
  }

  private static void configuration(Path file, org.osgi.service.feature.Feature feature, FeatureConfiguration c, Feature.Parts parts)
      throws IOException {
    if (c.getFactoryPid().isPresent()) {
      fail(file, "configurations", c.getPid(), "factory configurations are not supported; use a file in runtime-config");
    }
    Map<String, String> values = parts.configurations.computeIfAbsent(c.getPid(), k -> new LinkedHashMap<>());
    for (Map.Entry<String, Object> e : c.getValues().entrySet()) {
      String key = c.getPid() + "/" + e.getKey();
      String value = substitute(file, key, text(e.getValue()), feature.getVariables());
      if (parts.check != null) {
        java.util.Optional<String> problem = parts.check.value(c.getPid(), e.getKey(), value);
        if (problem.isPresent()) {
          fail(file, "configurations", key, value, problem.get());
        }
      }
      values.put(e.getKey(), value);
    }
  }

  /** Felix's reader skips a bundle given as a plain string; refused here instead. */
  private static void checkShape(Path file, String text) throws IOException {
    JsonObject root;
    try (JsonReader reader = Json.createReader(new StringReader(text))) {
      root = reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      throw new IOException(file + ": not a JSON object: " + e.getMessage(), e);
    }
    JsonValue bundles = root.get("bundles");
    if (bundles == null) {
      return;
    }
    if (!(bundles instanceof JsonArray array)) {
      throw new IOException(file + ": bundles must be an array, not " + bundles);
    }
    for (JsonValue b : array) {
      if (!(b instanceof JsonObject o) || !(o.get("id") instanceof JsonString)) {
        throw new IOException(file + ": bundles: " + b + " must be an object {\"id\": \"group:artifact:version\"}");
      }
    }
  }

  private static List<String> texts(org.osgi.service.feature.Feature feature, String name) {
    FeatureExtension e = feature.getExtensions().get(name);
    return e == null || e.getType() != FeatureExtension.Type.TEXT ? List.of() : e.getText();
  }

  private static Map<String, String> launchProperties(Path file, org.osgi.service.feature.Feature feature) throws IOException {
    FeatureExtension e = feature.getExtensions().get(LAUNCH_PROPERTIES);
    Map<String, String> props = new LinkedHashMap<>();
    if (e == null) {
      return props;
    }
    if (e.getType() != FeatureExtension.Type.JSON
        || !(Json.createReader(new StringReader(e.getJSON())).readValue() instanceof JsonObject o)) {
      throw new IOException(file + ": " + LAUNCH_PROPERTIES + " must be a JSON object of framework properties");
    }
    for (Map.Entry<String, JsonValue> p : o.entrySet()) {
      JsonValue v = p.getValue();
      props.put(p.getKey(), v instanceof JsonString s ? s.getString() : v.toString());
    }
    return props;
  }

  private static List<String> locked(Path file, org.osgi.service.feature.Feature feature) throws IOException {
    FeatureExtension e = feature.getExtensions().get(LOCKED);
    if (e != null && e.getType() != FeatureExtension.Type.TEXT) {
      throw new IOException(file + ": " + LOCKED + " must be a text extension of \"PID/key\" lines");
    }
    return e == null ? List.of() : e.getText().stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }

  /** A configuration value as a .cfg file would hold it. */
  static String text(Object value) {
    if (value == null) {
      return "";
    }
    if (value.getClass().isArray()) {
      List<String> items = new ArrayList<>();
      for (int i = 0; i < Array.getLength(value); i++) {
        items.add(text(Array.get(value, i)));
      }
      return String.join(",", items);
    }
    if (value instanceof Collection<?> c) {
      return String.join(",", c.stream().map(JsonFeature::text).toList());
    }
    return value.toString();
  }

  private static String substitute(Path file, String key, String value, Map<String, Object> variables)
      throws IOException {
    Matcher m = VARIABLE.matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      if (!variables.containsKey(m.group(1)) || variables.get(m.group(1)) == null) {
        fail(file, "configurations", key, value, "no variable '" + m.group(1) + "' in this feature");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(text(variables.get(m.group(1)))));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static FeatureService service() {
    return ServiceLoader.load(FeatureService.class, JsonFeature.class.getClassLoader())
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no OSGi Feature Service implementation on the class path"));
  }

  private static void fail(Path file, String key, String value, String problem) throws IOException {
    throw new IOException(file + ": " + key + " = '" + value + "': " + problem);
  }

  private static void fail(Path file, String section, String key, String value, String problem) throws IOException {
    throw new IOException(file + ": " + section + ": " + key + " = '" + value + "': " + problem);
  }
}

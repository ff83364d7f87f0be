package org.expressionmirror.launch.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * A feature's configurations and locked keys as the launcher hands them over in framework
 * properties, checked before the framework started (unknown PIDs, keys and ids never get here).
 *
 * @param values configuration values by PID and key
 * @param locked the locked {@code PID/key} pairs
 */
record FeatureSettings(Map<String, Map<String, String>> values, Set<String> locked) {
  /** JSON: an object of PIDs, each an object of keys and text values. */
  static final String CONFIGURATIONS = "mirror.feature.configurations";
  /** Comma-separated {@code PID/key} pairs (the window reads it too, to show them fixed). */
  static final String LOCKED = "mirror.feature.locked";

  private static final TypeReference<Map<String, Map<String, String>>> TYPE = new TypeReference<>() {};

  FeatureSettings {
    values = Map.copyOf(values);
    locked = Set.copyOf(locked);
  }

  /** Reads the framework properties; a value that does not parse is an error naming it. */
  static FeatureSettings from(UnaryOperator<String> property) throws IOException {
    String json = property.apply(CONFIGURATIONS);
    Map<String, Map<String, String>> values =
        json == null || json.isBlank() ? Map.of() : new ObjectMapper().readValue(json, TYPE);
    String locks = property.apply(LOCKED);
    Set<String> locked =
        locks == null
            ? Set.of()
            : Arrays.stream(locks.split(",")).map(String::strip).filter(k -> !k.isEmpty()).collect(Collectors.toSet());
    return new FeatureSettings(values, locked);
  }
}

package org.expressionmirror.itests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Folders the build hands to the tests as system properties (see the failsafe configuration).
 * The framework runs in the test JVM, so they are readable inside it as well.
 */
final class Paths {
  private Paths() {}

  /** The distribution assembled by the launcher module: bundles/, models/, features/. */
  static Path dist() {
    return folder("itests.dist");
  }

  /** The project's runtime-config folder (copied, never edited, by the tests). */
  static Path runtimeConfig() {
    return folder("itests.runtimeConfig");
  }

  /** Real face photos from the models artifact. */
  static Path photos() {
    return folder("itests.testdata");
  }

  /** Scratch space under target/. */
  static Path work() {
    return Path.of(required("itests.work")).toAbsolutePath().normalize();
  }

  private static Path folder(String key) {
    Path p = Path.of(required(key)).toAbsolutePath().normalize();
    if (!Files.isDirectory(p)) {
      throw new IllegalStateException(key + " = " + p + " is not a folder (build the launcher first)");
    }
    return p;
  }

  private static String required(String key) {
    String value = System.getProperty(key);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("system property " + key + " is not set: run the tests with mvn verify");
    }
    return value;
  }

  /**
   * Model ids with a description and their model file in the distribution's models folder (the
   * bring-your-own descriptions shipped there wait for a file the user supplies).
   */
  static List<String> shippedModels() throws IOException {
    Path models = dist().resolve("models");
    try (Stream<Path> files = Files.list(models)) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(n -> n.endsWith(".json") && !n.endsWith(".golden.json"))
          .map(n -> n.substring(0, n.length() - ".json".length()))
          .filter(id -> Files.isRegularFile(models.resolve(id + ".onnx")))
          .sorted()
          .toList();
    }
  }
}

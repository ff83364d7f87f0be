package org.expressionmirror.shell.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The golden-check result of a model that is on offer. The ONNX models bundle checks a model's
 * golden vectors (named by {@code golden} in its description) when it loads the model and offers
 * the model only if they match, so a model on offer whose description names golden vectors has
 * passed them; one whose description names none was not checked.
 */
final class Golden {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Golden() {}

  /**
   * @param description the model's description file ({@code model.description}), empty for a
   *     model that has none (the ensemble)
   */
  static String of(String description) {
    if (description.isEmpty()) {
      return "no description (not an ONNX model file): nothing to check";
    }
    Path file = Path.of(description);
    try {
      JsonNode golden = JSON.readTree(Files.readString(file)).get("golden");
      if (golden == null || golden.isNull() || golden.asText().isBlank()) {
        return "none given in " + file.getFileName() + ": not checked";
      }
      return "passed (" + golden.asText() + ", checked when the model was loaded)";
    } catch (IOException e) {
      return "unknown: cannot read " + file + ": " + e.getMessage();
    }
  }
}

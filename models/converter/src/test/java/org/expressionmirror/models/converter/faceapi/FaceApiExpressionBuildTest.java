package org.expressionmirror.models.converter.faceapi;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.expressionmirror.models.supply.PinMismatchException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build refuses a description that does not state the built model, or files it does not pin. */
class FaceApiExpressionBuildTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private Path packageDir;
  private Path descriptionFile;
  private ObjectNode description;

  @BeforeEach
  void fakePackage() throws IOException {
    packageDir = dir.resolve("package");
    Files.createDirectories(packageDir.resolve("model"));
    Files.writeString(packageDir.resolve(FaceApiExpressionBuild.MANIFEST),
        "[{\"paths\": [\"face_expression_model.bin\"], \"weights\": []}]");
    Files.write(packageDir.resolve(FaceApiExpressionBuild.BIN), new byte[0]);
    description = (ObjectNode) JSON.readTree("""
        {"id": "faceapi-expression", "version": "1.7.15", "file": "faceapi-expression.onnx",
         "source": {"package": "@vladmandic/face-api", "version": "1.7.15", "files": {
           "model/face_expression_model-weights_manifest.json": "%s",
           "model/face_expression_model.bin": "%s"}},
         "licence": "MIT",
         "input": {"name": "input", "shape": [1, 112, 112, 3], "layout": "NHWC"},
         "output": {"name": "probabilities", "kind": "probabilities",
           "labels": ["neutral", "happy", "sad", "angry", "fearful", "disgusted", "surprised"],
           "canonical": ["neutral", "happiness", "sadness", "anger", "fear", "disgust",
             "surprise"]}}
        """.formatted("0".repeat(64), "1".repeat(64)));
    descriptionFile = dir.resolve("faceapi-expression.json");
  }

  private Exception convertFails(Class<? extends Exception> type) {
    return assertThrows(type,
        () -> FaceApiExpressionBuild.convert(packageDir, description, descriptionFile));
  }

  @Test
  void wrongInputNameIsNamedWithTheDescriptionFile() {
    ((ObjectNode) description.get("input")).put("name", "input_1");
    Exception e = convertFails(IOException.class);
    assertTrue(e.getMessage().startsWith(descriptionFile.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("input.name is 'input_1'"), e.getMessage());
  }

  @Test
  void logitsKindIsRejectedBecauseTheGraphEndsInSoftmax() {
    ((ObjectNode) description.get("output")).put("kind", "logits");
    Exception e = convertFails(IOException.class);
    assertTrue(e.getMessage().contains("output.kind is 'logits'"), e.getMessage());
  }

  @Test
  void wrongInputShapeIsRejected() throws IOException {
    ((ObjectNode) description.get("input")).set("shape", JSON.readTree("[1, 3, 112, 112]"));
    Exception e = convertFails(IOException.class);
    assertTrue(e.getMessage().contains("input.shape [1, 3, 112, 112]"), e.getMessage());
  }

  @Test
  void missingLabelIsRejected() {
    ((ArrayNode) description.at("/output/labels")).remove(6);
    Exception e = convertFails(IOException.class);
    assertTrue(e.getMessage().contains("output.labels has 6 entries"), e.getMessage());
  }

  @Test
  void manifestNotMatchingThePinIsNamed() {
    Exception e = convertFails(PinMismatchException.class);
    assertTrue(e.getMessage().contains("sha256 mismatch for "
        + packageDir.resolve(FaceApiExpressionBuild.MANIFEST)), e.getMessage());
  }
}

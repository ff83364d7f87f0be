package org.expressionmirror.models.converter.faceapi;

import ai.onnx.proto.OnnxMl.ModelProto;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.expressionmirror.models.converter.tfjs.WeightTensor;
import org.expressionmirror.models.onnx.OnnxGraph;
import org.expressionmirror.models.supply.PinMismatchException;
import org.expressionmirror.models.supply.PinnedFiles;

/**
 * Build entry point: face-api's expression weights to {@code <out dir>/<description.file>}. The
 * description is the contract: the package files must have its sha256 values, and its input and
 * output (names, shape, kind, seven labels) must be those of the graph built here.
 *
 * <p>Arguments: {@code <unpacked face-api package dir> <description json> <out dir>}.
 */
public final class FaceApiExpressionBuild {
  public static final String MANIFEST = "model/face_expression_model-weights_manifest.json";
  public static final String BIN = "model/face_expression_model.bin";

  private FaceApiExpressionBuild() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      throw new IllegalArgumentException(
          "usage: FaceApiExpressionBuild <face-api package dir> <description json> <out dir>");
    }
    Path description = Path.of(args[1]);
    JsonNode desc = new ObjectMapper().readTree(description.toFile());
    ModelProto model = convert(Path.of(args[0]), desc, description);
    Path out = Path.of(args[2]).resolve(desc.path("file").asText());
    OnnxGraph.write(model, out);
    System.out.println("[models] " + origin(desc) + " " + BIN + " -> " + out + " ("
        + model.getGraph().getNodeCount() + " nodes)");
  }

  /** Checks the package files against the description, then builds the ONNX model. */
  public static ModelProto convert(Path packageDir, JsonNode desc, Path description)
      throws IOException {
    checkInterface(desc, description);
    Path manifest = packageDir.resolve(MANIFEST);
    String manifestSha = PinnedFiles.sha256(manifest);
    if (!manifestSha.equals(pinned(desc, MANIFEST, description))) {
      throw new PinMismatchException("sha256 mismatch for " + manifest + ": " + description
          + " expects " + pinned(desc, MANIFEST, description) + ", got " + manifestSha);
    }
    Map<String, WeightTensor> weights =
        FaceApiWeights.read(manifest, packageDir.resolve(BIN), pinned(desc, BIN, description));
    return FaceExpressionNetOnnx.build(weights, desc.path("version").asText(),
        "face-api FaceExpressionNet from " + origin(desc) + " (" + desc.path("licence").asText()
            + "), weights dequantised; input NHWC RGB (x - mean) / 255; output softmax over "
            + desc.at("/output/labels"));
  }

  private static void checkInterface(JsonNode desc, Path description) throws IOException {
    expect(desc, "/input/name", FaceExpressionNetOnnx.INPUT, description);
    expect(desc, "/output/name", FaceExpressionNetOnnx.OUTPUT, description);
    expect(desc, "/output/kind", "probabilities", description);
    expect(desc, "/input/layout", "NHWC", description);
    long[] shape = new ObjectMapper().convertValue(desc.at("/input/shape"), long[].class);
    long[] built = {1, FaceExpressionNetOnnx.SIZE, FaceExpressionNetOnnx.SIZE, 3};
    if (!Arrays.equals(shape, built)) {
      throw new IOException(description + ": input.shape " + Arrays.toString(shape)
          + " but the built model takes " + Arrays.toString(built));
    }
    for (String key : List.of("/output/labels", "/output/canonical")) {
      if (desc.at(key).size() != FaceExpressionNetOnnx.CLASSES) {
        throw new IOException(description + ": " + key.substring(1).replace('/', '.') + " has "
            + desc.at(key).size() + " entries, the model has " + FaceExpressionNetOnnx.CLASSES
            + " outputs");
      }
    }
  }

  private static void expect(JsonNode desc, String key, String value, Path description)
      throws IOException {
    if (!value.equals(desc.at(key).asText())) {
      throw new IOException(description + ": " + key.substring(1).replace('/', '.') + " is '"
          + desc.at(key).asText() + "' but the built model has '" + value + "'");
    }
  }

  private static String pinned(JsonNode desc, String file, Path description) throws IOException {
    JsonNode sha = desc.at("/source/files").get(file);
    if (sha == null || sha.asText().length() != 64) {
      throw new IOException(description + ": source.files has no sha256 for " + file);
    }
    return sha.asText();
  }

  private static String origin(JsonNode desc) {
    return desc.at("/source/package").asText() + "@" + desc.at("/source/version").asText();
  }
}

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
 * <p>Arguments: {@code <unpacked face-api package dir> <description json> <out dir> [<head
 * json>]}. With a head file (a trained {@link FaceApiHead}, e.g. faceapi-ferplus) the backbone is
 * face-api's and the head replaces its fc; the head file must then be pinned in the description's
 * {@code source.files} under its file name, and its labels must be the description's.
 */
public final class FaceApiExpressionBuild {
  public static final String MANIFEST = "model/face_expression_model-weights_manifest.json";
  public static final String BIN = "model/face_expression_model.bin";

  private FaceApiExpressionBuild() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 3 && args.length != 4) {
      throw new IllegalArgumentException("usage: FaceApiExpressionBuild <face-api package dir>"
          + " <description json> <out dir> [<head json>]");
    }
    Path description = Path.of(args[1]);
    JsonNode desc = new ObjectMapper().readTree(description.toFile());
    ModelProto model = args.length == 3 ? convert(Path.of(args[0]), desc, description)
        : convert(Path.of(args[0]), desc, description, Path.of(args[3]));
    Path out = Path.of(args[2]).resolve(desc.path("file").asText());
    OnnxGraph.write(model, out);
    System.out.println("[models] " + origin(desc) + " " + BIN + " -> " + out + " ("
        + model.getGraph().getNodeCount() + " nodes)");
  }

  /** Checks the package files against the description, then builds the ONNX model. */
  public static ModelProto convert(Path packageDir, JsonNode desc, Path description)
      throws IOException {
    checkInterface(desc, description, FaceExpressionNetOnnx.CLASSES);
    return FaceExpressionNetOnnx.build(weights(packageDir, desc, description),
        desc.path("version").asText(), doc(desc, "face-api FaceExpressionNet"));
  }

  /**
   * Checks the package files and the head file against the description, then builds face-api's
   * backbone with the head: in place of its fc, or beside it and blended when the head file says
   * {@code "blend"}.
   */
  public static ModelProto convert(Path packageDir, JsonNode desc, Path description, Path head)
      throws IOException {
    FaceApiHead trained =
        FaceApiHead.read(head, pinned(desc, head.getFileName().toString(), description));
    checkInterface(desc, description, trained.classes());
    List<String> labels = new ObjectMapper().convertValue(desc.at("/output/labels"), List.class);
    if (!labels.equals(trained.labels())) {
      throw new IOException(description + ": output.labels " + labels + " but the head " + head
          + " has " + trained.labels());
    }
    return FaceExpressionNetOnnx.build(weights(packageDir, desc, description), trained,
        desc.path("version").asText(),
        doc(desc, "face-api FaceExpressionNet backbone with the trained head " + head.getFileName()
            + " (sha256 " + PinnedFiles.sha256(head) + ")"));
  }

  private static Map<String, WeightTensor> weights(Path packageDir, JsonNode desc,
      Path description) throws IOException {
    Path manifest = packageDir.resolve(MANIFEST);
    String manifestSha = PinnedFiles.sha256(manifest);
    if (!manifestSha.equals(pinned(desc, MANIFEST, description))) {
      throw new PinMismatchException("sha256 mismatch for " + manifest + ": " + description
          + " expects " + pinned(desc, MANIFEST, description) + ", got " + manifestSha);
    }
    return FaceApiWeights.read(manifest, packageDir.resolve(BIN), pinned(desc, BIN, description));
  }

  private static String doc(JsonNode desc, String what) {
    return what + " from " + origin(desc) + " (" + desc.path("licence").asText()
        + "), weights dequantised; input NHWC RGB (x - mean) / 255; output softmax over "
        + desc.at("/output/labels");
  }

  private static void checkInterface(JsonNode desc, Path description, int classes)
      throws IOException {
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
      if (desc.at(key).size() != classes) {
        throw new IOException(description + ": " + key.substring(1).replace('/', '.') + " has "
            + desc.at(key).size() + " entries, the model has " + classes + " outputs");
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

package org.expressionmirror.models.converter.faceapi;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Takes the trained head out of a model that {@code ./mirror train} exported (face-api's backbone
 * with its fc replaced: a Gemm from the 256-d features to K logits, then Softmax) and writes it as a
 * {@link FaceApiHead} file, the build input of a shipped trained model. The labels come from the
 * model's description (output order); the description's provenance is copied beside them so the
 * head file says how it was made.
 *
 * <p>Arguments: {@code <NAME.onnx> <NAME.json> <out head json> [<training command>]}.
 */
public final class ExtractHead {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ExtractHead() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 3 || args.length > 4) {
      throw new IllegalArgumentException("usage: ExtractHead <NAME.onnx> <NAME.json> <head json>"
          + " [<training command>]");
    }
    ModelProto model;
    try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
      model = ModelProto.parseFrom(in);
    }
    JsonNode description = JSON.readTree(Path.of(args[1]).toFile());
    List<String> labels = new ArrayList<>();
    description.at("/output/labels").forEach(l -> labels.add(l.asText()));
    FaceApiHead head = head(model, labels);
    ObjectNode out = toJson(head);
    out.put("command", args.length == 4 ? args[3] : "");
    out.set("trainedModel", description);
    Files.writeString(Path.of(args[2]), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(out)
        + "\n");
    System.out.println("[models] head " + labels + " from " + args[0] + " -> " + args[2]);
  }

  /** The head as JSON: labels, weights [256][K] and bias [K], floats written exactly. */
  public static ObjectNode toJson(FaceApiHead head) {
    ObjectNode out = JSON.createObjectNode();
    ArrayNode labels = out.putArray("labels");
    head.labels().forEach(labels::add);
    ArrayNode rows = out.putArray("weights");
    int k = head.classes();
    for (int f = 0; f < FaceApiHead.FEATURES; f++) {
      ArrayNode row = rows.addArray();
      for (int c = 0; c < k; c++) {
        row.add(head.weights()[f * k + c]);
      }
    }
    ArrayNode bias = out.putArray("bias");
    for (float b : head.bias()) {
      bias.add(b);
    }
    out.put("mirror", head.mirror());
    if (head.blended()) {
      out.put("blend", head.blend());
      ArrayNode mapping = out.putArray("blendMapping");
      for (int r = 0; r < FaceApiHead.OWN_CLASSES; r++) {
        ArrayNode row = mapping.addArray();
        for (int c = 0; c < k; c++) {
          row.add((int) head.blendMapping()[r * k + c]);
        }
      }
    }
    return out;
  }

  /**
   * The Gemm that feeds the graph's Softmax: its B (weights, [256, K], or [K, 256] with transB)
   * and C (bias) must be initializers. Fails naming what it found otherwise.
   */
  public static FaceApiHead head(ModelProto model, List<String> labels) throws IOException {
    if (model.getGraph().getInitializerList().stream().anyMatch(t -> t.getName().equals("blend/weight"))) {
      return blended(model, labels);
    }
    NodeProto softmax = only(model, "Softmax");
    NodeProto gemm = model.getGraph().getNodeList().stream()
        .filter(n -> n.getOutputList().contains(softmax.getInput(0)))
        .findFirst().orElseThrow(() -> new IOException("no node feeds the Softmax"));
    if (!gemm.getOpType().equals("Gemm") || gemm.getInputCount() != 3) {
      throw new IOException("the Softmax is fed by " + gemm.getOpType() + ", not a Gemm with bias");
    }
    float[] b = floats(initializer(model, gemm.getInput(1)));
    float[] c = floats(initializer(model, gemm.getInput(2)));
    int k = labels.size();
    boolean transB = gemm.getAttributeList().stream()
        .anyMatch(a -> a.getName().equals("transB") && a.getI() == 1);
    float[] weights = transB ? transpose(b, k, FaceApiHead.FEATURES) : b;
    if (alpha(gemm, "alpha") != 1f || alpha(gemm, "beta") != 1f) {
      throw new IOException("the head's Gemm scales by alpha/beta: not a plain x * W + b");
    }
    return new FaceApiHead(labels, weights, c, mirrorPass(model, softmax));
  }

  /**
   * The head of a model blended with face-api's own fc ({@code ./mirror train --blend}): the
   * trainer's named initializers (bundles/training Blend) hold the head, the 0/1 mapping [7, K] and
   * the weight; the blend's Add must be the output, or feed the mirror pass's ReduceMean.
   */
  static FaceApiHead blended(ModelProto model, List<String> labels) throws IOException {
    int k = labels.size();
    float[] weights = floats(initializer(model, "blend/head_weights"));
    float[] bias = floats(initializer(model, "blend/head_bias"));
    float[] mapping = floats(initializer(model, "blend/mapping"));
    float w = floats(initializer(model, "blend/weight"))[0];
    float rest = floats(initializer(model, "blend/backbone_weight"))[0];
    if (rest != (float) (1 - Double.parseDouble(Float.toString(w)))) {
      throw new IOException("blend weights " + w + " and " + rest + " do not add up to 1");
    }
    NodeProto add = model.getGraph().getNodeList().stream()
        .filter(n -> n.getOpType().equals("Add") && n.getInputList().contains("blend/head_weighted"))
        .findFirst().orElseThrow(() -> new IOException("blend weights but no blend Add"));
    String output = model.getGraph().getOutput(0).getName();
    boolean mirror = !add.getOutput(0).equals(output);
    if (mirror && model.getGraph().getNodeList().stream().noneMatch(n -> n.getOpType().equals("ReduceMean")
        && n.getInput(0).equals(add.getOutput(0)) && n.getOutput(0).equals(output))) {
      throw new IOException("the blend's Add is neither the output nor averaged by the mirror pass");
    }
    if (mirror && model.getGraph().getNodeList().stream().noneMatch(n -> n.getOpType().equals("Slice")
        && n.getInput(0).equals(model.getGraph().getInput(0).getName()))) {
      throw new IOException("a ReduceMean follows the blend but the input is not mirrored by a Slice: not the mirror pass");
    }
    // the weight as written (0.95, not the float's 0.949999988...), so 1 - w is the trainer's
    return new FaceApiHead(labels, weights, bias, mirror, Double.parseDouble(Float.toString(w)),
        mapping);
  }

  /**
   * Whether the model averages over the face and its mirror image: the Softmax's output is
   * reduced by a ReduceMean (over the batch of face and mirror image, {@code ./mirror train
   * --mirror}); checked to be the pass the converter builds, so a head file saying mirror true
   * rebuilds the same graph.
   */
  static boolean mirrorPass(ModelProto model, NodeProto softmax) throws IOException {
    List<NodeProto> after = model.getGraph().getNodeList().stream()
        .filter(n -> n.getInputList().contains(softmax.getOutput(0))).toList();
    if (after.isEmpty()) {
      return false;
    }
    if (after.size() != 1 || !after.get(0).getOpType().equals("ReduceMean")) {
      throw new IOException("the Softmax feeds " + after.stream().map(NodeProto::getOpType).toList()
          + ": only the graph output or the mirror pass's ReduceMean can follow it");
    }
    boolean slice = model.getGraph().getNodeList().stream()
        .anyMatch(n -> n.getOpType().equals("Slice")
            && n.getInput(0).equals(model.getGraph().getInput(0).getName()));
    if (!slice) {
      throw new IOException("a ReduceMean follows the Softmax but the input is not mirrored by a Slice: not the mirror pass");
    }
    return true;
  }

  private static float alpha(NodeProto node, String name) {
    return node.getAttributeList().stream().filter(a -> a.getName().equals(name))
        .map(AttributeProto::getF).findFirst().orElse(1f);
  }

  private static NodeProto only(ModelProto model, String op) throws IOException {
    List<NodeProto> nodes = model.getGraph().getNodeList().stream()
        .filter(n -> n.getOpType().equals(op)).toList();
    if (nodes.size() != 1) {
      throw new IOException("expected one " + op + " node, found " + nodes.size());
    }
    return nodes.get(0);
  }

  private static TensorProto initializer(ModelProto model, String name) throws IOException {
    Optional<TensorProto> t = model.getGraph().getInitializerList().stream()
        .filter(i -> i.getName().equals(name)).findFirst();
    return t.orElseThrow(() -> new IOException("the head's " + name + " is not an initializer"));
  }

  private static float[] floats(TensorProto t) throws IOException {
    if (t.getDataType() != TensorProto.DataType.FLOAT.getNumber()) {
      throw new IOException(t.getName() + " is not float32");
    }
    if (t.getFloatDataCount() > 0) {
      float[] v = new float[t.getFloatDataCount()];
      for (int i = 0; i < v.length; i++) {
        v[i] = t.getFloatData(i);
      }
      return v;
    }
    ByteBuffer raw = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    float[] v = new float[raw.remaining() / Float.BYTES];
    raw.asFloatBuffer().get(v);
    return v;
  }

  private static float[] transpose(float[] m, int rows, int cols) {
    float[] t = new float[m.length];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        t[c * rows + r] = m[r * cols + c];
      }
    }
    return t;
  }
}

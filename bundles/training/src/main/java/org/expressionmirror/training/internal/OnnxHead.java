package org.expressionmirror.training.internal;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The final dense layer of a backbone's ONNX graph, {@code output = Softmax(Gemm(features, W, b))}
 * with {@code W} [dims, classes] and {@code b} [classes] as initializers (face-api's {@code fc}),
 * and the two edits the trainer makes to the graph's bytes: the features as a second output (to
 * compute them), and other {@code W} and {@code b} (to export a trained head); for a blend
 * ({@link #withBlend}) the trained head is added beside the backbone's own layer, which stays. No
 * node of the backbone changes, so the exported model is the backbone exactly, up to its last layer.
 */
final class OnnxHead {
  private final ModelProto model;
  private final String output;
  private final String features;
  private final String weightName;
  private final String biasName;
  private final int dims;
  private final float[] ownWeights;
  private final float[] ownBias;

  private OnnxHead(
      ModelProto model, String output, String features, String weightName, String biasName, int dims, float[] ownWeights, float[] ownBias) {
    this.model = model;
    this.output = output;
    this.features = features;
    this.weightName = weightName;
    this.biasName = biasName;
    this.dims = dims;
    this.ownWeights = ownWeights;
    this.ownBias = ownBias;
  }

  /**
   * Finds the head feeding {@code output}.
   *
   * @throws IllegalArgumentException naming what the graph lacks
   */
  static OnnxHead find(byte[] onnx, String output) {
    ModelProto model;
    try {
      model = ModelProto.parseFrom(onnx);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException("not an ONNX model: " + e.getMessage(), e);
    }
    GraphProto g = model.getGraph();
    NodeProto softmax = producer(g, output);
    if (softmax == null || !softmax.getOpType().equals("Softmax")) {
      throw new IllegalArgumentException(
          "its output '" + output + "' is not made by a Softmax node: only a model ending in Softmax(Gemm(features, W, b)) can be a backbone");
    }
    NodeProto gemm = producer(g, softmax.getInput(0));
    if (gemm == null || !gemm.getOpType().equals("Gemm") || gemm.getInputCount() != 3 || !plainGemm(gemm)) {
      throw new IllegalArgumentException(
          "the Softmax before its output '" + output + "' does not take a plain Gemm(features, W, b): only a model ending in Softmax(Gemm(features, W, b)) can be a backbone");
    }
    TensorProto w = initializer(g, gemm.getInput(1));
    TensorProto b = initializer(g, gemm.getInput(2));
    if (w == null || b == null || w.getDimsCount() != 2
        || w.getDataType() != TensorProto.DataType.FLOAT.getNumber() || b.getDataType() != TensorProto.DataType.FLOAT.getNumber()) {
      throw new IllegalArgumentException("the weights of its last Gemm are not constant float initializers of shape [features, classes]");
    }
    float[] ownWeights = floats(w);
    float[] ownBias = floats(b);
    if (ownWeights.length != w.getDims(0) * w.getDims(1) || ownBias.length != w.getDims(1)) {
      throw new IllegalArgumentException("the weights of its last Gemm do not fit their shape [features, classes]");
    }
    return new OnnxHead(model, output, gemm.getInput(0), w.getName(), b.getName(), (int) w.getDims(0), ownWeights, ownBias);
  }

  /** The backbone's own weights {@code W} [dims, its classes], row-major (a copy). */
  float[] ownWeights() {
    return ownWeights.clone();
  }

  /** The backbone's own bias [its classes] (a copy). */
  float[] ownBias() {
    return ownBias.clone();
  }

  /** Number of features the head takes (face-api: 256). */
  int dims() {
    return dims;
  }

  /** Name of the features tensor in the graph. */
  String featuresName() {
    return features;
  }

  /** The same model with the features [1, dims] as a second graph output. */
  byte[] withFeaturesOutput() {
    ModelProto.Builder m = model.toBuilder();
    m.getGraphBuilder().addOutput(valueInfo(features, dims));
    return m.build().toByteArray();
  }

  /**
   * The same model with the head replaced: {@code W} [dims, classes] row-major and {@code b}
   * [classes]; the output's declared shape becomes [1, classes].
   */
  byte[] withHead(float[] weights, float[] bias) {
    int classes = bias.length;
    if (weights.length != dims * classes) {
      throw new IllegalArgumentException("weights for " + dims + "x" + classes + " expected, got " + weights.length);
    }
    ModelProto.Builder m = model.toBuilder();
    GraphProto.Builder g = m.getGraphBuilder();
    for (int i = 0; i < g.getInitializerCount(); i++) {
      String name = g.getInitializer(i).getName();
      if (name.equals(weightName)) {
        g.setInitializer(i, tensor(name, weights, dims, classes));
      } else if (name.equals(biasName)) {
        g.setInitializer(i, tensor(name, bias, classes));
      }
    }
    outputOf(g, classes);
    return m.build().toByteArray();
  }

  /**
   * The model with a trained head beside the backbone's own, blended ({@link Blend}): the backbone's
   * Softmax(Gemm) stays and its probabilities are mapped to the head's labels by {@code mapping}
   * [its classes, classes] (0/1) and scaled by {@code rest}; a second Gemm on the same features
   * with {@code weights} [dims, classes] and {@code bias}, a Softmax like the backbone's, scaled by
   * {@code weight}; their Add is the {@code output} [1, classes].
   */
  byte[] withBlend(float[] weights, float[] bias, float[] mapping, float weight, float rest) {
    int classes = bias.length;
    if (weights.length != dims * classes || mapping.length != ownBias.length * classes) {
      throw new IllegalArgumentException("blend of " + dims + "x" + classes + " weights and a " + ownBias.length + "x" + classes
          + " mapping expected, got " + weights.length + " and " + mapping.length);
    }
    ModelProto.Builder m = model.toBuilder();
    GraphProto.Builder g = m.getGraphBuilder();
    NodeProto.Builder softmax = null;
    for (NodeProto.Builder n : g.getNodeBuilderList()) {
      for (int k = 0; k < n.getOutputCount(); k++) {
        if (n.getOutput(k).equals(output)) {
          n.setOutput(k, Blend.BACKBONE_PROBABILITIES);
          softmax = n;
        }
      }
    }
    g.addInitializer(tensor(Blend.HEAD_WEIGHTS, weights, dims, classes));
    g.addInitializer(tensor(Blend.HEAD_BIAS, bias, classes));
    g.addInitializer(tensor(Blend.MAPPING, mapping, ownBias.length, classes));
    g.addInitializer(tensor(Blend.WEIGHT, new float[] {weight}, 1));
    g.addInitializer(tensor(Blend.REST, new float[] {rest}, 1));
    g.addNode(node("Gemm", Blend.HEAD_LOGITS, features, Blend.HEAD_WEIGHTS, Blend.HEAD_BIAS));
    // the same Softmax as the backbone's (its axis attribute included)
    g.addNode(node("Softmax", Blend.HEAD_PROBABILITIES, Blend.HEAD_LOGITS).addAllAttribute(softmax.getAttributeList()));
    g.addNode(node("Mul", Blend.HEAD_WEIGHTED, Blend.HEAD_PROBABILITIES, Blend.WEIGHT));
    g.addNode(node("MatMul", Blend.BACKBONE_MAPPED, Blend.BACKBONE_PROBABILITIES, Blend.MAPPING));
    g.addNode(node("Mul", Blend.BACKBONE_WEIGHTED, Blend.BACKBONE_MAPPED, Blend.REST));
    g.addNode(node("Add", output, Blend.HEAD_WEIGHTED, Blend.BACKBONE_WEIGHTED).setName(Blend.ADD));
    outputOf(g, classes);
    return m.build().toByteArray();
  }

  /** The output now has {@code classes} values; shapes inferred for the old head would be wrong. */
  private void outputOf(GraphProto.Builder g, int classes) {
    for (int i = 0; i < g.getOutputCount(); i++) {
      if (g.getOutput(i).getName().equals(output)) {
        g.setOutput(i, valueInfo(output, classes));
      }
    }
    for (int i = g.getValueInfoCount() - 1; i >= 0; i--) {
      if (g.getValueInfo(i).getName().equals(output)) {
        g.removeValueInfo(i);
      }
    }
  }

  /** A node named after its output (as the converter names its nodes). */
  private static NodeProto.Builder node(String op, String out, String... inputs) {
    NodeProto.Builder n = NodeProto.newBuilder().setOpType(op).setName(out).addOutput(out);
    for (String in : inputs) {
      n.addInput(in);
    }
    return n;
  }

  private static float[] floats(TensorProto t) {
    if (t.getFloatDataCount() > 0) {
      float[] v = new float[t.getFloatDataCount()];
      for (int i = 0; i < v.length; i++) {
        v[i] = t.getFloatData(i);
      }
      return v;
    }
    java.nio.FloatBuffer raw = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
    float[] v = new float[raw.remaining()];
    raw.get(v);
    return v;
  }

  private static boolean plainGemm(NodeProto gemm) {
    for (AttributeProto a : gemm.getAttributeList()) {
      boolean plain =
          switch (a.getName()) {
            case "alpha", "beta" -> a.getF() == 1f;
            case "transA", "transB" -> a.getI() == 0;
            default -> false;
          };
      if (!plain) {
        return false;
      }
    }
    return true;
  }

  private static NodeProto producer(GraphProto g, String tensor) {
    for (NodeProto n : g.getNodeList()) {
      if (n.getOutputList().contains(tensor)) {
        return n;
      }
    }
    return null;
  }

  private static TensorProto initializer(GraphProto g, String name) {
    for (TensorProto t : g.getInitializerList()) {
      if (t.getName().equals(name)) {
        return t;
      }
    }
    return null;
  }

  private static TensorProto tensor(String name, float[] data, long... dims) {
    ByteBuffer bytes = ByteBuffer.allocate(data.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    for (float f : data) {
      bytes.putFloat(f);
    }
    bytes.flip();
    TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT.getNumber());
    for (long d : dims) {
      t.addDims(d);
    }
    return t.setRawData(ByteString.copyFrom(bytes)).build();
  }

  private static ValueInfoProto valueInfo(String name, int size) {
    TensorShapeProto shape =
        TensorShapeProto.newBuilder()
            .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(1))
            .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(size))
            .build();
    TypeProto type =
        TypeProto.newBuilder()
            .setTensorType(TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT.getNumber()).setShape(shape))
            .build();
    return ValueInfoProto.newBuilder().setName(name).setType(type).build();
  }
}

package org.expressionmirror.expression.onnx.internal;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Small ONNX models with the exact interface of real expression models (names, shapes, layout,
 * output kind, extra heads), built in code. Each computes {@code out = mean_c(input) . W + b}: the
 * per-channel means of the input tensor through a dense layer, so a wrong layout, colour or
 * normalisation changes the output, and the expected output is easy to compute independently.
 */
final class TestModels {
  private TestModels() {}

  /**
   * @param shape input shape, [1,C,H,W] when {@code nchw}, else [1,H,W,C]; a batch size of -1
   *     makes the batch dynamic (input and output)
   * @param weights C x N dense weights, row-major
   * @param bias N biases
   * @param softmax append a Softmax (a probabilities model) instead of leaving logits
   * @param extraHead also output {@code valence_arousal} [1,2], as HSEmotion's _mtl models do
   */
  static void write(
      Path file,
      String inputName,
      long[] shape,
      boolean nchw,
      String outputName,
      float[] weights,
      float[] bias,
      boolean softmax,
      boolean extraHead)
      throws IOException {
    int c = (int) (nchw ? shape[1] : shape[3]);
    int n = bias.length;
    GraphProto.Builder g = GraphProto.newBuilder().setName("test");
    g.addInput(value(inputName, shape));
    g.addNode(
        NodeProto.newBuilder()
            .setOpType("ReduceMean")
            .addInput(inputName)
            .addOutput("means")
            .addAttribute(ints("axes", nchw ? new long[] {2, 3} : new long[] {1, 2}))
            .addAttribute(AttributeProto.newBuilder().setName("keepdims").setType(AttributeProto.AttributeType.INT).setI(0)));
    g.addInitializer(tensor("W", new long[] {c, n}, weights));
    g.addInitializer(tensor("B", new long[] {n}, bias));
    g.addNode(NodeProto.newBuilder().setOpType("MatMul").addInput("means").addInput("W").addOutput("mm"));
    String dense = softmax ? "dense" : outputName;
    g.addNode(NodeProto.newBuilder().setOpType("Add").addInput("mm").addInput("B").addOutput(dense));
    if (softmax) {
      g.addNode(NodeProto.newBuilder().setOpType("Softmax").addInput(dense).addOutput(outputName)
          .addAttribute(AttributeProto.newBuilder().setName("axis").setType(AttributeProto.AttributeType.INT).setI(1)));
    }
    g.addOutput(value(outputName, new long[] {shape[0], n}));
    if (extraHead) {
      float[] va = new float[c * 2];
      for (int i = 0; i < va.length; i++) {
        va[i] = 0.1f * (i + 1);
      }
      g.addInitializer(tensor("VA", new long[] {c, 2}, va));
      g.addNode(NodeProto.newBuilder().setOpType("MatMul").addInput("means").addInput("VA").addOutput("valence_arousal"));
      g.addOutput(value("valence_arousal", new long[] {1, 2}));
    }
    ModelProto model =
        ModelProto.newBuilder()
            .setIrVersion(7)
            .setProducerName("expression-onnx tests")
            .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(13))
            .setGraph(g)
            .build();
    Files.write(file, model.toByteArray());
  }

  /** Deterministic weights: distinct per channel and class so channel or label mix-ups show. */
  static float[] weights(int channels, int classes) {
    float[] w = new float[channels * classes];
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) Math.sin(1.7 * i + 0.3) * 2f;
    }
    return w;
  }

  static float[] bias(int classes) {
    float[] b = new float[classes];
    for (int i = 0; i < classes; i++) {
      b[i] = 0.05f * i - 0.1f;
    }
    return b;
  }

  /** What the model computes for given channel means: the dense layer, before any softmax. */
  static double[] dense(double[] means, float[] w, float[] b) {
    double[] out = new double[b.length];
    for (int j = 0; j < b.length; j++) {
      out[j] = b[j];
      for (int c = 0; c < means.length; c++) {
        out[j] += means[c] * w[c * b.length + j];
      }
    }
    return out;
  }

  static double[] softmax(double[] logits) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : logits) {
      max = Math.max(max, v);
    }
    double sum = 0;
    double[] p = new double[logits.length];
    for (int i = 0; i < p.length; i++) {
      p[i] = Math.exp(logits[i] - max);
      sum += p[i];
    }
    for (int i = 0; i < p.length; i++) {
      p[i] /= sum;
    }
    return p;
  }

  private static ValueInfoProto value(String name, long[] shape) {
    TensorShapeProto.Builder s = TensorShapeProto.newBuilder();
    for (long d : shape) {
      // A negative size is a dynamic one, as torch.onnx.export writes for dynamic_axes.
      s.addDim(d < 0
          ? TensorShapeProto.Dimension.newBuilder().setDimParam("batch_size")
          : TensorShapeProto.Dimension.newBuilder().setDimValue(d));
    }
    return ValueInfoProto.newBuilder()
        .setName(name)
        .setType(TypeProto.newBuilder().setTensorType(
            TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT.getNumber()).setShape(s)))
        .build();
  }

  private static TensorProto tensor(String name, long[] dims, float[] values) {
    TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT.getNumber());
    for (long d : dims) {
      t.addDims(d);
    }
    for (float v : values) {
      t.addFloatData(v);
    }
    return t.build();
  }

  private static AttributeProto ints(String name, long[] values) {
    AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
    for (long v : values) {
      a.addInts(v);
    }
    return a.build();
  }
}

package org.expressionmirror.training.internal;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.expressionmirror.expression.onnx.internal.ModelSpec;

/**
 * The mirror pass: a face and its left-right mirror image go through the network together and
 * their probabilities are averaged. On face-api's 256-d features with FER+ this lifted FER2013
 * PrivateTest from 57.6-58.2 % to 59.2-59.7 % (three seeds, models/README.md): training on both
 * images and averaging over both make the head less dependent on which side a face is lit from.
 *
 * <p>Two halves that must agree exactly: {@link #flip} makes the mirror image of a model input
 * (training rows, golden crops), {@link #graph} puts the same flip inside the exported graph, so
 * the pipeline, eval and every other user of the model file get the average without knowing. The
 * converter (models/converter, FaceExpressionNetOnnx) builds the same nodes for the shipped model.
 */
final class MirrorPass {
  /** Node names (the converter names its nodes after their outputs). */
  static final String SLICE = "mirror/slice";
  static final String CONCAT = "mirror/concat";
  static final String MEAN = "mirror/mean";

  private MirrorPass() {}

  /** The model input of the mirror image: the width axis reversed (NHWC or NCHW, as the spec says). */
  static float[] flip(float[] input, ModelSpec spec) {
    int h = spec.height();
    int w = spec.width();
    int c = spec.channels();
    float[] out = new float[input.length];
    if (spec.nchw()) {
      for (int ch = 0; ch < c; ch++) {
        for (int y = 0; y < h; y++) {
          int row = (ch * h + y) * w;
          for (int x = 0; x < w; x++) {
            out[row + x] = input[row + w - 1 - x];
          }
        }
      }
    } else {
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          System.arraycopy(input, (y * w + x) * c, out, (y * w + w - 1 - x) * c, c);
        }
      }
    }
    return out;
  }

  /**
   * The graph with the pass: {@code input} and its {@code Slice} along the width (step -1)
   * {@code Concat}ed as a batch of 2 feed the unchanged network (its nodes take any batch), and
   * {@code ReduceMean} over the batch (keepdims) of its probabilities is the {@code output} [1, K].
   * The input's batch is declared 1 (also when the backbone leaves it open), so the pipeline never
   * batches faces into it.
   * Intermediate shape annotations are dropped: they say batch 1.
   */
  static byte[] graph(byte[] onnx, String input, String output, boolean nchw) {
    ModelProto model;
    try {
      model = ModelProto.parseFrom(onnx);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException("not an ONNX model: " + e.getMessage(), e);
    }
    ModelProto.Builder m = model.toBuilder();
    GraphProto.Builder g = m.getGraphBuilder();
    String pair = "mirror/pair";
    String flipped = "mirror/flipped";
    String probabilities = "mirror/probabilities";
    for (int i = 0; i < g.getNodeCount(); i++) {
      NodeProto.Builder n = g.getNodeBuilder(i);
      for (int k = 0; k < n.getInputCount(); k++) {
        if (n.getInput(k).equals(input)) {
          n.setInput(k, pair);
        }
      }
      for (int k = 0; k < n.getOutputCount(); k++) {
        if (n.getOutput(k).equals(output)) {
          n.setOutput(k, probabilities);
        }
      }
    }
    g.addInitializer(int64("mirror/starts", -1));
    g.addInitializer(int64("mirror/ends", Long.MIN_VALUE)); // past the first column, stepping back
    g.addInitializer(int64("mirror/axes", nchw ? 3 : 2));
    g.addInitializer(int64("mirror/steps", -1));
    g.addNode(0, NodeProto.newBuilder().setOpType("Slice").setName(SLICE)
        .addInput(input).addInput("mirror/starts").addInput("mirror/ends").addInput("mirror/axes")
        .addInput("mirror/steps").addOutput(flipped));
    g.addNode(1, NodeProto.newBuilder().setOpType("Concat").setName(CONCAT)
        .addInput(input).addInput(flipped).addOutput(pair)
        .addAttribute(AttributeProto.newBuilder().setName("axis").setType(AttributeProto.AttributeType.INT).setI(0)));
    g.addNode(NodeProto.newBuilder().setOpType("ReduceMean").setName(MEAN)
        .addInput(probabilities).addOutput(output)
        .addAttribute(AttributeProto.newBuilder().setName("axes").setType(AttributeProto.AttributeType.INTS).addInts(0))
        .addAttribute(AttributeProto.newBuilder().setName("keepdims").setType(AttributeProto.AttributeType.INT).setI(1)));
    g.clearValueInfo();
    // a backbone may leave its batch open; with the pass the batch is one face (the pipeline
    // batches faces only into an open batch, and the ReduceMean would mix them)
    for (int i = 0; i < g.getInputCount(); i++) {
      if (g.getInput(i).getName().equals(input)) {
        batchOfOne(g.getInputBuilder(i));
      }
    }
    for (int i = 0; i < g.getOutputCount(); i++) {
      if (g.getOutput(i).getName().equals(output)) {
        batchOfOne(g.getOutputBuilder(i));
      }
    }
    return m.build().toByteArray();
  }

  private static void batchOfOne(ai.onnx.proto.OnnxMl.ValueInfoProto.Builder v) {
    if (v.getType().getTensorType().getShape().getDimCount() > 0) {
      v.getTypeBuilder().getTensorTypeBuilder().getShapeBuilder().getDimBuilder(0).clear().setDimValue(1);
    }
  }

  /** Whether a graph has the pass: a ReduceMean (face-api has none of its own). */
  static boolean in(byte[] onnx) {
    try {
      return ModelProto.parseFrom(onnx).getGraph().getNodeList().stream().anyMatch(n -> n.getOpType().equals("ReduceMean"));
    } catch (InvalidProtocolBufferException e) {
      return false;
    }
  }

  private static TensorProto int64(String name, long value) {
    ByteBuffer b = ByteBuffer.allocate(Long.BYTES).order(ByteOrder.LITTLE_ENDIAN).putLong(value);
    b.flip();
    return TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.INT64.getNumber())
        .addDims(1).setRawData(ByteString.copyFrom(b)).build();
  }
}

package org.expressionmirror.models.converter.faceapi;

import static org.expressionmirror.models.onnx.OnnxGraph.intAttr;
import static org.expressionmirror.models.onnx.OnnxGraph.ints;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.expressionmirror.models.converter.tfjs.WeightTensor;
import org.expressionmirror.models.onnx.OnnxGraph;

/**
 * face-api's FaceExpressionNet as an ONNX graph. The package holds weights only; the network is
 * read from the library source (src/faceFeatureExtractor/FaceFeatureExtractor.ts, denseBlock.ts,
 * src/common/depthwiseSeparableConv.ts, src/faceProcessor/FaceProcessor.ts,
 * src/faceExpressionNet/FaceExpressionNet.ts):
 *
 * <pre>
 * input NHWC [1,112,112,3], already (rgb - mean) / 255      (normalize(...).div(255))
 * denseBlock4 x4: dense0 3->32 (conv0 a plain 3x3 conv), dense1 ->64, dense2 ->128, dense3 ->256
 *   out1 = relu(conv0(x), stride 2)         conv0 of dense1..3 depthwise-separable
 *   out2 = sep(out1)
 *   out3 = sep(relu(out1 + out2))
 *   out4 = sep(relu(out1 + (out2 + out3)))
 *   y    = relu(out1 + (out2 + (out3 + out4)))
 * avgPool [7,7] strides [2,2] 'valid' (7x7 -> 1x1), flatten, fc: x * W[256,7] + b, softmax
 * </pre>
 *
 * Every conv pads TF-"same"; sep = tf.separableConv2d (depthwise 3x3, pointwise 1x1) then bias.
 * The softmax is in the graph because FaceExpressionNet.forwardInput applies it: the output is the
 * library's probabilities, in its order neutral, happy, sad, angry, fearful, disgusted, surprised.
 */
public final class FaceExpressionNetOnnx {
  public static final String INPUT = "input";
  public static final String OUTPUT = "probabilities";
  public static final int SIZE = 112;
  public static final int CLASSES = 7;
  private static final int[] CHANNELS = {32, 64, 128, 256};

  private final Map<String, WeightTensor> weights;
  private final FaceApiHead head;
  private final OnnxGraph graph = new OnnxGraph("faceapi_expression");
  private final Set<String> used = new HashSet<>();

  private FaceExpressionNetOnnx(Map<String, WeightTensor> weights, FaceApiHead head) {
    this.weights = weights;
    this.head = head;
  }

  /**
   * Builds the model. Fails naming the tensor when a weight is missing, has another shape than
   * the network needs, or is left unused (a leftover means the network was read wrongly).
   */
  public static ModelProto build(Map<String, WeightTensor> weights, String version, String doc) {
    return new FaceExpressionNetOnnx(weights, null).build(version, doc);
  }

  /**
   * The same network with a trained head in place of face-api's fc: the backbone (every weight
   * but fc) is face-api's, the last Gemm takes the head's [256, K] weights and [K] bias, and the
   * softmax then gives K probabilities in the head's label order. face-api's fc is still checked
   * (shape) so that a changed package is noticed, but not used, unless the head is blended with it
   * ({@link FaceApiHead#blended()}: then both heads are in the graph).
   */
  public static ModelProto build(
      Map<String, WeightTensor> weights, FaceApiHead head, String version, String doc) {
    return new FaceExpressionNetOnnx(weights, head).build(version, doc);
  }

  private ModelProto build(String version, String doc) {
    graph.input(INPUT, 1, SIZE, SIZE, 3);
    boolean mirror = head != null && head.mirror();
    String x = graph.node("Transpose", List.of(mirror ? mirrorPair() : INPUT), "nchw",
        ints("perm", 0, 3, 1, 2));
    int size = SIZE;
    int channelsIn = 3;
    for (int b = 0; b < CHANNELS.length; b++) {
      x = denseBlock4("dense" + b, x, size, channelsIn, CHANNELS[b], b == 0);
      size = (size + 1) / 2;
      channelsIn = CHANNELS[b];
    }
    if (size != 7) {
      throw new IllegalStateException("feature map " + size + "x" + size + ", avgPool expects 7x7");
    }
    x = graph.node("AveragePool", List.of(x), "avg_pool", ints("kernel_shape", 7, 7),
        ints("strides", 2, 2));
    x = graph.node("Flatten", List.of(x), "features", intAttr("axis", 1));
    float[] fcWeights = require("fc/weights", channelsIn, CLASSES).requireFloats();
    float[] fcBias = require("fc/bias", CLASSES).requireFloats();
    int classes = head == null ? CLASSES : head.classes();
    String probabilities = mirror ? "mirror/probabilities" : OUTPUT;
    String out;
    if (head != null && head.blended()) {
      out = blend(x, fcWeights, fcBias, channelsIn, probabilities);
    } else {
      String w = constant("fc/weights", head == null ? fcWeights : head.weights(), channelsIn,
          classes);
      String bias = constant("fc/bias", head == null ? fcBias : head.bias(), classes);
      String logits = graph.node("Gemm", List.of(x, w, bias), "logits");
      out = graph.node("Softmax", List.of(logits), probabilities, intAttr("axis", 1));
    }
    if (mirror) {
      out = graph.node("ReduceMean", List.of(out), OUTPUT, ints("axes", 0), intAttr("keepdims", 1));
    }
    graph.output(out, 1, classes);
    for (String name : weights.keySet()) {
      if (!used.contains(name)) {
        throw new IllegalArgumentException("weights: tensor " + name + " not used by the network");
      }
    }
    return graph.model("expressionmirror faceapi builder", version, doc);
  }

  /**
   * A head blended with face-api's own fc ({@code ./mirror train --blend}): face-api's fc and
   * Softmax as in its own model, their probabilities MatMul the head's 0/1 mapping [7, K] times
   * 1 - w, plus the head's Gemm and Softmax on the same features times w. The same nodes and names
   * as the trainer's export (bundles/training OnnxHead.withBlend, Blend).
   */
  private String blend(String features, float[] fcWeights, float[] fcBias, int dims, String out) {
    int classes = head.classes();
    String own = graph.node("Gemm", List.of(features, constant("fc/weights", fcWeights, dims,
        CLASSES), constant("fc/bias", fcBias, CLASSES)), "logits");
    own = graph.node("Softmax", List.of(own), "blend/backbone_probabilities", intAttr("axis", 1));
    String logits = graph.node("Gemm", List.of(features,
        constant("blend/head_weights", head.weights(), dims, classes),
        constant("blend/head_bias", head.bias(), classes)), "blend/head_logits");
    String probabilities =
        graph.node("Softmax", List.of(logits), "blend/head_probabilities", intAttr("axis", 1));
    String weighted = graph.node("Mul", List.of(probabilities,
        constant("blend/weight", new float[] {(float) head.blend()}, 1)), "blend/head_weighted");
    String mapped = graph.node("MatMul", List.of(own,
        constant("blend/mapping", head.blendMapping(), CLASSES, classes)), "blend/backbone_mapped");
    String backbone = graph.node("Mul", List.of(mapped,
        constant("blend/backbone_weight", new float[] {(float) (1 - head.blend())}, 1)),
        "blend/backbone_weighted");
    return graph.node("Add", List.of(weighted, backbone), out);
  }

  /**
   * The mirror pass of a head trained with {@code ./mirror train --mirror}: the NHWC input and its
   * left-right mirror image (a Slice along the width, step -1) as a batch of 2; every later node
   * takes any batch, and a ReduceMean over the batch after the Softmax averages the two. The same
   * nodes as the trainer's export (bundles/training MirrorPass), whose test checks this build
   * against it.
   */
  private String mirrorPair() {
    String starts = graph.initializerInt64("mirror/starts", new long[] {1}, new long[] {-1});
    String ends = graph.initializerInt64("mirror/ends", new long[] {1}, new long[] {Long.MIN_VALUE});
    String axes = graph.initializerInt64("mirror/axes", new long[] {1}, new long[] {2});
    String steps = graph.initializerInt64("mirror/steps", new long[] {1}, new long[] {-1});
    String flipped = graph.node("Slice", List.of(INPUT, starts, ends, axes, steps), "mirror/flipped");
    return graph.node("Concat", List.of(INPUT, flipped), "mirror/pair", intAttr("axis", 0));
  }

  private String denseBlock4(String p, String x, int size, int cin, int cout, boolean first) {
    String conv0 = first ? conv3x3(p + "/conv0", x, size, cin, cout)
        : separable(p + "/conv0", x, size, cin, cout, 2);
    String out1 = relu(p + "/out1", conv0);
    int s = (size + 1) / 2;
    String out2 = separable(p + "/conv1", out1, s, cout, cout, 1);
    String in3 = relu(p + "/in3", add(p + "/sum3", out1, out2));
    String out3 = separable(p + "/conv2", in3, s, cout, cout, 1);
    // same association as tf.add(out1, tf.add(out2, out3)): keeps float rounding like the original
    String in4 = relu(p + "/in4", add(p + "/sum4", out1, add(p + "/sum4a", out2, out3)));
    String out4 = separable(p + "/conv3", in4, s, cout, cout, 1);
    String sum =
        add(p + "/sum5", out1, add(p + "/sum5a", out2, add(p + "/sum5b", out3, out4)));
    return relu(p + "/out", sum);
  }

  /** tf.conv2d(x, filters, [2, 2], 'same') + bias: conv0 of dense0. */
  private String conv3x3(String p, String x, int size, int cin, int cout) {
    String filters = filters(p + "/filters", require(p + "/filters", 3, 3, cin, cout));
    return graph.node("Conv", List.of(x, filters, bias(p + "/bias", cout)), p,
        ints("kernel_shape", 3, 3), ints("strides", 2, 2), ints("pads", samePads(size, 2)));
  }

  /** tf.separableConv2d(x, depthwise_filter, pointwise_filter, stride, 'same') + bias. */
  private String separable(String p, String x, int size, int cin, int cout, int stride) {
    String dw = filters(p + "/depthwise_filter", require(p + "/depthwise_filter", 3, 3, cin, 1));
    String depthwise = graph.node("Conv", List.of(x, dw), p + "/depthwise",
        ints("kernel_shape", 3, 3), ints("strides", stride, stride),
        ints("pads", samePads(size, stride)), intAttr("group", cin));
    String pw =
        filters(p + "/pointwise_filter", require(p + "/pointwise_filter", 1, 1, cin, cout));
    return graph.node("Conv", List.of(depthwise, pw, bias(p + "/bias", cout)), p + "/pointwise",
        ints("kernel_shape", 1, 1));
  }

  /**
   * ONNX pads [top, left, bottom, right] of TF "same" padding for a 3x3 kernel: TF puts the odd
   * pixel after (bottom/right), so a stride-2 conv on an even size pads 0 before and 1 after.
   */
  static long[] samePads(int size, int stride) {
    int out = (size + stride - 1) / stride;
    int total = Math.max((out - 1) * stride + 3 - size, 0);
    int before = total / 2;
    int after = total - before;
    return new long[] {before, before, after, after};
  }

  /**
   * TF filters [kh, kw, in, out] to ONNX [out, in, kh, kw]. A depthwise filter [kh, kw, c, 1]
   * comes out as [1, c, kh, kw], the same memory order as the [c, 1, kh, kw] a grouped Conv wants.
   */
  static float[] hwioToOihw(float[] src, int kh, int kw, int ci, int co) {
    float[] dst = new float[src.length];
    for (int y = 0; y < kh; y++) {
      for (int x = 0; x < kw; x++) {
        for (int i = 0; i < ci; i++) {
          for (int o = 0; o < co; o++) {
            dst[((o * ci + i) * kh + y) * kw + x] = src[((y * kw + x) * ci + i) * co + o];
          }
        }
      }
    }
    return dst;
  }

  private String filters(String name, WeightTensor t) {
    int[] s = t.shape();
    float[] oihw = hwioToOihw(t.requireFloats(), s[0], s[1], s[2], s[3]);
    long[] dims = s[3] == 1 ? new long[] {s[2], 1, s[0], s[1]} : new long[] {s[3], s[2], s[0], s[1]};
    return graph.initializer(name, dims, oihw);
  }

  private String bias(String name, int n) {
    return constant(name, require(name, n).requireFloats(), n);
  }

  private String constant(String name, float[] values, int... shape) {
    return graph.initializer(name, Arrays.stream(shape).asLongStream().toArray(), values);
  }

  private String relu(String name, String x) {
    return graph.node("Relu", List.of(x), name);
  }

  private String add(String name, String a, String b) {
    return graph.node("Add", List.of(a, b), name);
  }

  private WeightTensor require(String name, int... shape) {
    WeightTensor t = weights.get(name);
    if (t == null) {
      throw new IllegalArgumentException("weights: tensor " + name + " missing");
    }
    if (!Arrays.equals(t.shape(), shape)) {
      throw new IllegalArgumentException("weights: tensor " + name + " has shape "
          + Arrays.toString(t.shape()) + ", FaceExpressionNet needs " + Arrays.toString(shape));
    }
    used.add(name);
    return t;
  }
}

package org.expressionmirror.models.converter.tfjs;

import static org.expressionmirror.models.onnx.OnnxGraph.floatAttr;
import static org.expressionmirror.models.onnx.OnnxGraph.intAttr;
import static org.expressionmirror.models.onnx.OnnxGraph.ints;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.expressionmirror.models.onnx.OnnxGraph;

/**
 * Converts a TFJS graph model to ONNX. Graph inputs and outputs keep TF's layout (NHWC); inside,
 * 4-D activations are NCHW (one Transpose after each input) because ONNX convolutions and pools
 * only take NCHW. Filters go HWIO to OIHW, TF SAME padding becomes explicit (possibly asymmetric)
 * pads. Any op or attribute variant not handled below fails with the node's name.
 */
public final class TfjsGraphConverter {
  /** Ops of TF's GraphDef this converter translates. */
  public static final Set<String> SUPPORTED_OPS =
      Set.of(
          "Placeholder", "Const", "Identity", "Conv2D", "_FusedConv2D", "DepthwiseConv2dNative",
          "FusedDepthwiseConv2dNative", "BiasAdd", "MaxPool", "AvgPool", "Add", "AddV2", "Sub",
          "Mul", "Relu", "Relu6", "Sigmoid", "Tanh", "LeakyRelu", "Mean", "Softmax");

  private static final long[] NHWC_TO_NCHW = {0, 3, 1, 2};
  private static final long[] NCHW_TO_NHWC = {0, 2, 3, 1};

  private final long batch;

  /** @param batch the batch size that replaces an unknown (-1) batch dimension of the inputs */
  public TfjsGraphConverter(long batch) {
    this.batch = batch;
  }

  /** A tensor in the ONNX graph; {@code nchw} marks a 4-D activation kept in NCHW. */
  private record Value(String name, boolean nchw, long[] shape) {}

  /** The converted model and the names and (TF layout) shapes of its inputs and outputs. */
  public record Result(
      ModelProto model, Map<String, long[]> inputs, Map<String, long[]> outputs) {}

  public Result convert(TfjsGraphModel model, String producerVersion, String doc) {
    return new Run(model).convert(producerVersion, doc);
  }

  /** State of one conversion. */
  private final class Run {
    private final TfjsGraphModel model;
    private final Map<String, TfjsNode> nodes = new LinkedHashMap<>();
    private final Map<String, Value> values = new HashMap<>();
    private final OnnxGraph g;
    private final Map<String, long[]> inputs = new LinkedHashMap<>();
    private final Map<String, long[]> outputs = new LinkedHashMap<>();

    Run(TfjsGraphModel model) {
      this.model = model;
      for (TfjsNode n : model.nodes()) {
        nodes.put(n.name(), n);
      }
      this.g = new OnnxGraph(model.file().getFileName().toString());
    }

    Result convert(String producerVersion, String doc) {
      for (TfjsNode n : order()) {
        if (!SUPPORTED_OPS.contains(n.op())) {
          throw new UnsupportedOpException(
              "unsupported TFJS op '" + n.op() + "' at node '" + n.name() + "' in " + model.file()
                  + " (supported: " + new java.util.TreeSet<>(SUPPORTED_OPS) + ")");
        }
        convertNode(n);
      }
      for (String out : outputNodes()) {
        Value v = values.get(out);
        if (v.nchw) {
          String t = g.node("Transpose", List.of(v.name), out + "/nhwc", ints("perm", NCHW_TO_NHWC));
          v = new Value(t, false, permute(v.shape, NCHW_TO_NHWC));
        }
        g.output(v.name, v.shape);
        outputs.put(v.name, v.shape);
      }
      return new Result(g.model("expressionmirror-tfjs-converter", producerVersion, doc),
          inputs, outputs);
    }

    /** Nodes nobody reads (except constants): the graph outputs, in file order. */
    private List<String> outputNodes() {
      Set<String> read = new HashSet<>();
      for (TfjsNode n : nodes.values()) {
        for (int i = 0; i < n.inputs().size(); i++) {
          read.add(n.inputNode(i));
        }
      }
      List<String> out = new ArrayList<>();
      for (TfjsNode n : nodes.values()) {
        if (!read.contains(n.name()) && !n.op().equals("Const")
            && !n.op().equals("Placeholder")) {
          out.add(n.name());
        }
      }
      if (out.isEmpty()) {
        throw new IllegalArgumentException(model.file() + ": graph has no output node");
      }
      return out;
    }

    /** Nodes the outputs depend on, producers first. */
    private List<TfjsNode> order() {
      List<TfjsNode> order = new ArrayList<>();
      Set<String> done = new HashSet<>();
      Set<String> active = new HashSet<>();
      for (String out : outputNodes()) {
        visit(out, order, done, active);
      }
      return order;
    }

    private void visit(String name, List<TfjsNode> order, Set<String> done, Set<String> active) {
      if (done.contains(name)) {
        return;
      }
      TfjsNode n = nodes.get(name);
      if (n == null) {
        throw new IllegalArgumentException(model.file() + ": input '" + name + "' has no node");
      }
      if (!active.add(name)) {
        throw new IllegalArgumentException(model.file() + ": cycle through node " + name);
      }
      for (int i = 0; i < n.inputs().size(); i++) {
        visit(n.inputNode(i), order, done, active);
      }
      active.remove(name);
      done.add(name);
      order.add(n);
    }

    private void convertNode(TfjsNode n) {
      switch (n.op()) {
        case "Const" -> weight(n.name()); // emitted where used, in the layout the user needs
        case "Placeholder" -> placeholder(n);
        case "Identity" -> unary(n, "Identity");
        case "Conv2D", "_FusedConv2D" -> conv(n, false);
        case "DepthwiseConv2dNative", "FusedDepthwiseConv2dNative" -> conv(n, true);
        case "BiasAdd", "Add", "AddV2" -> binary(n, "Add");
        case "Sub" -> binary(n, "Sub");
        case "Mul" -> binary(n, "Mul");
        case "MaxPool" -> pool(n, "MaxPool");
        case "AvgPool" -> pool(n, "AveragePool");
        case "Relu" -> unary(n, "Relu");
        case "Sigmoid" -> unary(n, "Sigmoid");
        case "Tanh" -> unary(n, "Tanh");
        case "Relu6" -> put(n, relu6(value(n, 0), n.name()));
        case "LeakyRelu" -> put(n, leakyRelu(value(n, 0), n.name(), n.floatValue("alpha", 0.2f)));
        case "Mean" -> mean(n);
        case "Softmax" -> softmax(n);
        default -> throw new UnsupportedOpException(
            "unsupported TFJS op '" + n.op() + "' at node '" + n.name() + "'");
      }
    }

    private void put(TfjsNode n, Value v) {
      values.put(n.name(), v);
    }

    private WeightTensor weight(String nodeName) {
      WeightTensor w = model.weights().get(nodeName);
      if (w == null) {
        throw new IllegalArgumentException(
            model.file() + ": Const node '" + nodeName + "' has no weight in the weights manifest");
      }
      return w;
    }

    private boolean isConst(TfjsNode n, int input) {
      return nodes.get(n.inputNode(input)).op().equals("Const");
    }

    private Value value(TfjsNode n, int input) {
      String src = n.inputNode(input);
      Value v = values.get(src);
      if (v == null) {
        if (nodes.get(src).op().equals("Const")) {
          return constant(weight(src), false);
        }
        throw new IllegalStateException("node " + n.name() + ": input " + src + " not converted");
      }
      return v;
    }

    /** A weight as an ONNX initializer; in NCHW when it joins NCHW activations. */
    private Value constant(WeightTensor w, boolean forNchw) {
      long[] dims = Arrays.stream(w.shape()).asLongStream().toArray();
      float[] data = w.requireFloats();
      if (forNchw && dims.length == 1) {
        dims = new long[] {dims[0], 1, 1}; // per-channel [C] broadcasts over C of NCHW
      } else if (forNchw && dims.length == 4) {
        data = permuteData(data, dims, NHWC_TO_NCHW); // an NHWC-shaped constant
        dims = permute(dims, NHWC_TO_NCHW);
      } else if (forNchw && dims.length != 0) {
        throw new UnsupportedOpException(
            "constant " + w.name() + " of rank " + dims.length + " cannot join an NCHW tensor");
      }
      return new Value(g.initializer(w.name(), dims, data), forNchw, dims);
    }

    private void placeholder(TfjsNode n) {
      long[] shape = n.shape("shape");
      for (int i = 0; i < shape.length; i++) {
        if (shape[i] < 0) {
          if (i != 0) {
            throw new UnsupportedOpException(
                "input '" + n.name() + "' has an unknown non-batch dimension " + i);
          }
          shape[i] = batch;
        }
      }
      g.input(n.name(), shape);
      inputs.put(n.name(), shape);
      if (shape.length == 4) {
        String t = g.node("Transpose", List.of(n.name()), n.name() + "/nchw",
            ints("perm", NHWC_TO_NCHW));
        put(n, new Value(t, true, permute(shape, NHWC_TO_NCHW)));
      } else {
        put(n, new Value(n.name(), false, shape));
      }
    }

    private void unary(TfjsNode n, String op) {
      Value x = value(n, 0);
      put(n, new Value(g.node(op, List.of(x.name), n.name()), x.nchw, x.shape));
    }

    private Value relu6(Value x, String name) {
      String lo = g.initializer(name + "/min", new long[0], new float[] {0f});
      String hi = g.initializer(name + "/max", new long[0], new float[] {6f});
      return new Value(g.node("Clip", List.of(x.name, lo, hi), name), x.nchw, x.shape);
    }

    private Value leakyRelu(Value x, String name, float alpha) {
      return new Value(
          g.node("LeakyRelu", List.of(x.name), name, floatAttr("alpha", alpha)), x.nchw, x.shape);
    }

    private void binary(TfjsNode n, String op) {
      Value a;
      Value b;
      if (isConst(n, 0) && !isConst(n, 1)) {
        b = value(n, 1);
        a = constant(weight(n.inputNode(0)), b.nchw);
      } else if (isConst(n, 1) && !isConst(n, 0)) {
        a = value(n, 0);
        b = constant(weight(n.inputNode(1)), a.nchw);
      } else {
        a = value(n, 0);
        b = value(n, 1);
        if (a.nchw != b.nchw) {
          throw new UnsupportedOpException(
              "node '" + n.name() + "' (" + n.op() + ") mixes 4-D and other tensors");
        }
      }
      long[] shape = broadcast(n, a.shape, b.shape);
      put(n, new Value(g.node(op, List.of(a.name, b.name), n.name()), a.nchw || b.nchw, shape));
    }

    private void conv(TfjsNode n, boolean depthwise) {
      Value x = requireNchw(n, value(n, 0));
      if (!isConst(n, 1)) {
        throw new UnsupportedOpException("node '" + n.name() + "': filter is not a constant");
      }
      WeightTensor f = weight(n.inputNode(1));
      int[] fs = f.shape();
      if (fs.length != 4) {
        throw new IllegalArgumentException("node '" + n.name() + "': filter is not 4-D");
      }
      long channels = x.shape[1];
      if (fs[2] != channels) {
        throw new UnsupportedOpException("node '" + n.name() + "': filter has " + fs[2]
            + " input channels, the input " + channels + " (grouped Conv2D is not supported)");
      }
      float[] w = depthwise
          ? TfLayouts.depthwiseToOihw(f.requireFloats(), fs[0], fs[1], fs[2], fs[3])
          : TfLayouts.hwioToOihw(f.requireFloats(), fs[0], fs[1], fs[2], fs[3]);
      long out = depthwise ? (long) fs[2] * fs[3] : fs[3];
      long[] wDims = {out, depthwise ? 1 : fs[2], fs[0], fs[1]};
      List<String> in = new ArrayList<>(List.of(x.name, g.initializer(f.name(), wDims, w)));

      List<String> fused = n.strings("fused_ops");
      if (!n.op().startsWith("_Fused") && !n.op().startsWith("Fused") && !fused.isEmpty()) {
        throw new UnsupportedOpException("node '" + n.name() + "': fused_ops on " + n.op());
      }
      String activation = fusedActivation(n, fused);
      if (!fused.isEmpty()) { // BiasAdd, checked by fusedActivation
        WeightTensor bias = weight(n.inputNode(2));
        if (bias.size() != out) {
          throw new IllegalArgumentException("node '" + n.name() + "': bias has " + bias.size()
              + " values for " + out + " channels");
        }
        in.add(g.initializer(bias.name(), new long[] {out}, bias.requireFloats()));
      }

      long[] window = spatial(n, "strides", fs[0], fs[1], x);
      String convName = activation == null ? n.name() : n.name() + "/conv";
      String y = g.node("Conv", in, convName,
          ints("kernel_shape", fs[0], fs[1]),
          ints("strides", window[0], window[1]),
          ints("dilations", window[2], window[3]),
          ints("pads", window[4], window[5], window[6], window[7]),
          intAttr("group", depthwise ? channels : 1));
      Value v = new Value(y, true, new long[] {x.shape[0], out, window[8], window[9]});
      if (activation != null) {
        v = switch (activation) {
          case "Relu" -> new Value(g.node("Relu", List.of(y), n.name()), true, v.shape);
          case "Relu6" -> relu6(v, n.name());
          default -> leakyRelu(v, n.name(), n.floatValue("leakyrelu_alpha", 0.2f));
        };
      }
      put(n, v);
    }

    /** Checks fused_ops is empty, [BiasAdd] or [BiasAdd, activation]; returns the activation. */
    private String fusedActivation(TfjsNode n, List<String> fused) {
      if (fused.isEmpty()) {
        return null;
      }
      boolean ok = fused.get(0).equals("BiasAdd") && fused.size() <= 2
          && (fused.size() == 1 || Set.of("Relu", "Relu6", "LeakyRelu").contains(fused.get(1)));
      if (!ok) {
        throw new UnsupportedOpException(
            "node '" + n.name() + "' (" + n.op() + "): fused ops " + fused + " are not supported");
      }
      if (n.inputs().size() != 3) {
        throw new UnsupportedOpException(
            "node '" + n.name() + "' (" + n.op() + "): expected 1 fused argument (the bias), got "
                + (n.inputs().size() - 2));
      }
      return fused.size() == 2 ? fused.get(1) : null;
    }

    private void pool(TfjsNode n, String op) {
      Value x = requireNchw(n, value(n, 0));
      long[] k = n.ints("ksize", null);
      if (k == null || k.length != 4 || k[0] != 1 || k[3] != 1) {
        throw new UnsupportedOpException(
            "node '" + n.name() + "': ksize " + Arrays.toString(k) + " (only spatial pooling)");
      }
      long[] window = spatial(n, "strides", k[1], k[2], x);
      if (window[2] != 1 || window[3] != 1) {
        throw new UnsupportedOpException("node '" + n.name() + "': dilated pooling");
      }
      // TF excludes padding from averages and from maxima: ONNX does the same by default
      String y = g.node(op, List.of(x.name), n.name(),
          ints("kernel_shape", k[1], k[2]),
          ints("strides", window[0], window[1]),
          ints("pads", window[4], window[5], window[6], window[7]));
      put(n, new Value(y, true, new long[] {x.shape[0], x.shape[1], window[8], window[9]}));
    }

    /**
     * Strides, dilations, pads and output size of a 2-D window op from its TF attributes: {sh, sw,
     * dh, dw, top, left, bottom, right, outH, outW}.
     */
    private long[] spatial(TfjsNode n, String stridesKey, long kh, long kw, Value x) {
      String format = n.string("data_format", "NHWC");
      if (!format.equals("NHWC")) {
        throw new UnsupportedOpException("node '" + n.name() + "': data_format " + format);
      }
      long[] s = n.ints(stridesKey, new long[] {1, 1, 1, 1});
      long[] d = n.ints("dilations", new long[] {1, 1, 1, 1});
      if (s.length != 4 || d.length != 4 || s[0] != 1 || s[3] != 1 || d[0] != 1 || d[3] != 1) {
        throw new UnsupportedOpException("node '" + n.name() + "': strides " + Arrays.toString(s)
            + " / dilations " + Arrays.toString(d));
      }
      long h = x.shape[2];
      long w = x.shape[3];
      if (h <= 0 || w <= 0) {
        throw new UnsupportedOpException("node '" + n.name() + "': unknown spatial size");
      }
      String padding = n.string("padding", "VALID");
      long[] ph;
      long[] pw;
      switch (padding) {
        case "SAME" -> {
          ph = TfLayouts.samePadding(h, kh, s[1], d[1]);
          pw = TfLayouts.samePadding(w, kw, s[2], d[2]);
        }
        case "VALID" -> {
          ph = new long[] {0, 0};
          pw = new long[] {0, 0};
        }
        case "EXPLICIT" -> {
          long[] e = n.ints("explicit_paddings", new long[0]);
          if (e.length != 8) {
            throw new UnsupportedOpException("node '" + n.name() + "': explicit_paddings "
                + Arrays.toString(e));
          }
          ph = new long[] {e[2], e[3]};
          pw = new long[] {e[4], e[5]};
        }
        default -> throw new UnsupportedOpException(
            "node '" + n.name() + "': padding " + padding);
      }
      long oh = TfLayouts.outputSize(h, kh, s[1], d[1], ph[0] + ph[1]);
      long ow = TfLayouts.outputSize(w, kw, s[2], d[2], pw[0] + pw[1]);
      return new long[] {s[1], s[2], d[1], d[2], ph[0], pw[0], ph[1], pw[1], oh, ow};
    }

    private void mean(TfjsNode n) {
      Value in = value(n, 0);
      int[] axes = weight(n.inputNode(1)).requireInts();
      boolean keep = n.bool("keep_dims", false);
      int rank = in.shape.length;
      Set<Integer> tfAxes = new HashSet<>();
      for (int a : axes) {
        tfAxes.add(a < 0 ? a + rank : a);
      }
      // reducing H and W (or anything but C alongside H/W) leaves the same order in both layouts
      boolean orderSafe = !in.nchw || keep || tfAxes.contains(3)
          || (tfAxes.contains(1) && tfAxes.contains(2));
      final Value x = orderSafe ? in : new Value(
          g.node("Transpose", List.of(in.name), n.name() + "/nhwc", ints("perm", NCHW_TO_NHWC)),
          false, permute(in.shape, NCHW_TO_NHWC));
      // TF axis a (NHWC) is NCHW axis NCHW_TO_NHWC[a]
      long[] onnxAxes = tfAxes.stream()
          .mapToLong(a -> x.nchw ? NCHW_TO_NHWC[a] : a).sorted().toArray();
      List<Long> shape = new ArrayList<>();
      for (int i = 0; i < rank; i++) {
        final int axis = i;
        boolean reduced = Arrays.stream(onnxAxes).anyMatch(a -> a == axis);
        if (!reduced || keep) {
          shape.add(reduced ? 1L : x.shape[i]);
        }
      }
      String y = g.node("ReduceMean", List.of(x.name), n.name(),
          ints("axes", onnxAxes), intAttr("keepdims", keep ? 1 : 0));
      put(n, new Value(y, x.nchw && keep, shape.stream().mapToLong(Long::longValue).toArray()));
    }

    private void softmax(TfjsNode n) {
      Value x = value(n, 0);
      // TF normalises over the last axis, which is C: axis 1 once in NCHW
      String y = g.node("Softmax", List.of(x.name), n.name(), intAttr("axis", x.nchw ? 1 : -1));
      put(n, new Value(y, x.nchw, x.shape));
    }

    private Value requireNchw(TfjsNode n, Value x) {
      if (!x.nchw) {
        throw new UnsupportedOpException(
            "node '" + n.name() + "' (" + n.op() + ") needs a 4-D NHWC input");
      }
      return x;
    }
  }

  private static long[] broadcast(TfjsNode n, long[] a, long[] b) {
    int rank = Math.max(a.length, b.length);
    long[] out = new long[rank];
    for (int i = 0; i < rank; i++) {
      long da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
      long db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
      if (da != db && da != 1 && db != 1) {
        throw new IllegalArgumentException("node '" + n.name() + "': shapes "
            + Arrays.toString(a) + " and " + Arrays.toString(b) + " do not broadcast");
      }
      out[i] = Math.max(da, db);
    }
    return out;
  }

  private static long[] permute(long[] dims, long[] perm) {
    long[] out = new long[perm.length];
    for (int i = 0; i < perm.length; i++) {
      out[i] = dims[(int) perm[i]];
    }
    return out;
  }

  /** Reorders a dense tensor's data: output axis i is input axis perm[i]. */
  private static float[] permuteData(float[] data, long[] dims, long[] perm) {
    int rank = dims.length;
    long[] outDims = permute(dims, perm);
    long[] inStrides = new long[rank];
    long stride = 1;
    for (int i = rank - 1; i >= 0; i--) {
      inStrides[i] = stride;
      stride *= dims[i];
    }
    float[] out = new float[data.length];
    int[] idx = new int[rank];
    for (int o = 0; o < out.length; o++) {
      long src = 0;
      for (int i = 0; i < rank; i++) {
        src += idx[i] * inStrides[(int) perm[i]];
      }
      out[o] = data[(int) src];
      for (int i = rank - 1; i >= 0 && ++idx[i] == outDims[i]; i--) {
        idx[i] = 0;
      }
    }
    return out;
  }
}

package org.expressionmirror.models.converter.tfjs;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

/** Writes a small TFJS graph model (model.json + weights.bin) the way the TFJS converter does. */
final class TinyGraph {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ObjectNode root = JSON.createObjectNode();
  private final ArrayNode nodes;
  private final ArrayNode weights;
  private final ByteArrayOutputStream bin = new ByteArrayOutputStream();

  TinyGraph() {
    root.put("format", "graph-model");
    nodes = root.putObject("modelTopology").putArray("node");
    ObjectNode group = root.putArray("weightsManifest").addObject();
    group.putArray("paths").add("weights.bin");
    weights = group.putArray("weights");
  }

  TinyGraph placeholder(String name, int... shape) {
    ObjectNode n = node(name, "Placeholder");
    ArrayNode dims = n.putObject("attr").putObject("shape").putObject("shape").putArray("dim");
    for (int d : shape) {
      dims.addObject().put("size", String.valueOf(d));
    }
    return this;
  }

  TinyGraph constant(String name, int[] shape, float[] values) {
    node(name, "Const");
    spec(name, shape, "float32");
    ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    b.asFloatBuffer().put(values);
    bin.writeBytes(b.array());
    return this;
  }

  TinyGraph constantInts(String name, int[] shape, int[] values) {
    node(name, "Const");
    spec(name, shape, "int32");
    ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    b.asIntBuffer().put(values);
    bin.writeBytes(b.array());
    return this;
  }

  /** Adds an op node; returns its attr object for the caller to fill. */
  ObjectNode op(String name, String op, String... inputs) {
    ObjectNode n = node(name, op);
    ArrayNode in = n.putArray("input");
    for (String i : inputs) {
      in.add(i);
    }
    return n.putObject("attr");
  }

  static void string(ObjectNode attr, String key, String value) {
    attr.putObject(key).put("s", b64(value));
  }

  static void strings(ObjectNode attr, String key, String... values) {
    ArrayNode list = attr.putObject(key).putObject("list").putArray("s");
    for (String v : values) {
      list.add(b64(v));
    }
  }

  static void ints(ObjectNode attr, String key, int... values) {
    ArrayNode list = attr.putObject(key).putObject("list").putArray("i");
    for (int v : values) {
      list.add(String.valueOf(v));
    }
  }

  /** Writes the model into {@code dir} and reads it back as the converter will. */
  TfjsGraphModel write(Path dir) throws IOException {
    Files.write(dir.resolve("weights.bin"), bin.toByteArray());
    Path json = dir.resolve("model.json");
    Files.writeString(json, JSON.writeValueAsString(root));
    return TfjsGraphModel.read(json);
  }

  /** Converts, then runs the ONNX model on one NHWC float input; returns the first output. */
  static float[] convertAndRun(TfjsGraphModel model, String input, long[] shape, float[] x)
      throws OrtException {
    TfjsGraphConverter.Result r = new TfjsGraphConverter(1).convert(model, "test", "tiny");
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession s = env.createSession(r.model().toByteArray());
        OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), shape);
        OrtSession.Result out = s.run(Map.of(input, t))) {
      FloatBuffer fb = ((OnnxTensor) out.get(0)).getFloatBuffer(); // closed with the result
      float[] values = new float[fb.remaining()];
      fb.get(values);
      return values;
    }
  }

  private ObjectNode node(String name, String op) {
    ObjectNode n = nodes.addObject();
    n.put("name", name);
    n.put("op", op);
    return n;
  }

  private void spec(String name, int[] shape, String dtype) {
    ObjectNode w = weights.addObject();
    w.put("name", name);
    ArrayNode s = w.putArray("shape");
    for (int d : shape) {
      s.add(d);
    }
    w.put("dtype", dtype);
  }

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }
}

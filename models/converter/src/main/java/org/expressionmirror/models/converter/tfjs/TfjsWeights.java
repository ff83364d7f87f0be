package org.expressionmirror.models.converter.tfjs;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a TFJS weights manifest (a list of groups, each a list of weight specs stored back to back
 * in the group's shard files) and its binary shards. Used for graph models and for weights-only
 * packages whose network is rebuilt in Java. uint8/uint16 quantised weights are dequantised as TFJS
 * does: {@code value = q * scale + min}.
 */
public final class TfjsWeights {
  private TfjsWeights() {}

  /**
   * @param manifest the {@code weightsManifest} array
   * @param dir folder the shard paths are relative to
   */
  public static Map<String, WeightTensor> read(JsonNode manifest, Path dir) throws IOException {
    Map<String, WeightTensor> weights = new LinkedHashMap<>();
    for (JsonNode group : manifest) {
      ByteBuffer data = ByteBuffer.wrap(readShards(group.get("paths"), dir));
      data.order(ByteOrder.LITTLE_ENDIAN);
      for (JsonNode spec : group.get("weights")) {
        WeightTensor w = readWeight(spec, data, dir);
        weights.put(w.name(), w);
      }
      if (data.hasRemaining()) {
        throw new IOException(
            "weights shard(s) "
                + group.get("paths")
                + " in "
                + dir
                + " hold "
                + data.remaining()
                + " bytes more than the manifest describes");
      }
    }
    return weights;
  }

  private static byte[] readShards(JsonNode paths, Path dir) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (JsonNode p : paths) {
      all.write(Files.readAllBytes(dir.resolve(p.asText())));
    }
    return all.toByteArray();
  }

  private static WeightTensor readWeight(JsonNode spec, ByteBuffer data, Path dir)
      throws IOException {
    String name = spec.get("name").asText();
    int[] shape = new int[spec.get("shape").size()];
    for (int i = 0; i < shape.length; i++) {
      shape[i] = spec.get("shape").get(i).asInt();
    }
    int n = 1;
    for (int d : shape) {
      n *= d;
    }
    String dtype = spec.get("dtype").asText();
    JsonNode q = spec.get("quantization");
    int bytes = n * (q == null ? 4 : bytesOf(name, q.get("dtype").asText()));
    if (data.remaining() < bytes) {
      throw new IOException("weights in " + dir + " end before weight " + name);
    }
    if (q != null) {
      if (!dtype.equals("float32")) {
        throw new IOException("weight " + name + ": quantised " + dtype + " is not supported");
      }
      return new WeightTensor(name, shape, dequantise(name, q, data, n), null);
    }
    switch (dtype) {
      case "float32":
        float[] f = new float[n];
        data.asFloatBuffer().get(f);
        data.position(data.position() + bytes);
        return new WeightTensor(name, shape, f, null);
      case "int32":
        int[] v = new int[n];
        data.asIntBuffer().get(v);
        data.position(data.position() + bytes);
        return new WeightTensor(name, shape, null, v);
      default:
        throw new IOException("weight " + name + ": dtype " + dtype + " is not supported");
    }
  }

  private static int bytesOf(String name, String qtype) throws IOException {
    switch (qtype) {
      case "uint8":
        return 1;
      case "uint16":
        return 2;
      default:
        throw new IOException("weight " + name + ": quantisation " + qtype + " is not supported");
    }
  }

  private static float[] dequantise(String name, JsonNode q, ByteBuffer data, int n)
      throws IOException {
    if (!q.has("scale") || !q.has("min")) {
      throw new IOException("weight " + name + ": quantisation without scale and min");
    }
    // as TFJS's decodeWeights: computed in double (JS numbers), then stored into a Float32Array
    double scale = q.get("scale").asDouble();
    double min = q.get("min").asDouble();
    boolean wide = q.get("dtype").asText().equals("uint16");
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      int raw = wide ? Short.toUnsignedInt(data.getShort()) : Byte.toUnsignedInt(data.get());
      out[i] = (float) (raw * scale + min);
    }
    return out;
  }
}

package org.expressionmirror.training.internal;

import ai.onnxruntime.OrtEnvironment;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Golden vectors of a face-api head trained with the mirror pass (faceapi-ferplus), computed
 * without the mirror graph: face-api's plain model (faceapi-expression, itself golden-checked
 * against the library) gives the 256 features of each golden crop and of its mirror image
 * ({@link MirrorPass#flip}), the head file's weights are applied to both in float64 and the two
 * softmaxes averaged. A head blended with face-api's own ({@code "blend": w} and {@code
 * "blendMapping"} in the head file) gets {@code w head + (1 - w) face-api M} before the average,
 * face-api's probabilities being those faceapi-expression.onnx itself gives (ONNX Runtime). The
 * crops are faceapi-expression's golden inputs.
 *
 * <p>Arguments: {@code <faceapi-expression.json> <faceapi-expression.golden.json> <head json>
 * <out golden json> <model id> <head sha256>}.
 */
public final class MirrorGolden {
  private static final ObjectMapper JSON = new ObjectMapper();

  private MirrorGolden() {}

  public static void main(String[] a) throws Exception {
    nu.pattern.OpenCV.loadLocally();
    JsonNode head = JSON.readTree(Path.of(a[2]).toFile());
    JsonNode crops = JSON.readTree(Path.of(a[1]).toFile()).get("vectors");
    ObjectNode out = JSON.createObjectNode();
    out.put("model", a[4]);
    out.put("source", "@vladmandic/face-api@1.7.15 model/face_expression_model.bin (backbone) + head "
        + Path.of(a[2]).getFileName() + " sha256 " + a[5] + ", mirror pass"
        + (blended(head) ? ", blended with face-api's own head" : ""));
    out.put("producer", "bundles/training MirrorGolden: faceapi-expression.onnx's features (ONNX Runtime) of each crop"
        + " and of its left-right mirror image, the head applied in float64 to both"
        + (blended(head) ? ", blended with faceapi-expression.onnx's own probabilities (weight " + head.get("blend").asDouble()
            + " on the head, the rest on face-api's mapped by the head file's blendMapping)" : "")
        + ", the probabilities averaged");
    out.set("labels", head.get("labels"));
    out.put("tolerance", 1e-4);
    ArrayNode vectors = out.putArray("vectors");
    try (Backbone backbone = Backbone.open(OrtEnvironment.getEnvironment(), Path.of(a[0]))) {
      for (JsonNode c : crops) {
        float[] input = floats(c.get("input").asText());
        double[] p = expected(backbone, head, input);
        ObjectNode v = vectors.addObject();
        c.fields().forEachRemaining(e -> {
          if (!e.getKey().equals("expected")) {
            v.set(e.getKey(), e.getValue());
          }
        });
        ArrayNode e = v.putArray("expected");
        for (double x : p) {
          e.add(x);
        }
      }
    }
    Files.writeString(Path.of(a[3]), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(out) + "\n");
  }

  /**
   * The head file's probabilities (blended with face-api's when it says so) averaged over the crop
   * and its mirror image, in float64.
   */
  static double[] expected(Backbone backbone, JsonNode head, float[] input) throws Exception {
    float[] flipped = MirrorPass.flip(input, backbone.spec());
    double[] p = blend(backbone, head, input, apply(head, backbone.features(input)));
    double[] q = blend(backbone, head, flipped, apply(head, backbone.features(flipped)));
    for (int k = 0; k < p.length; k++) {
      p[k] = (p[k] + q[k]) / 2;
    }
    return p;
  }

  private static boolean blended(JsonNode head) {
    return head.has("blend") && head.get("blend").asDouble() < 1;
  }

  /** {@code w p + (1 - w) M^T face-api(input)}, face-api's probabilities from its own ONNX file; p alone without a blend. */
  private static double[] blend(Backbone backbone, JsonNode head, float[] input, double[] p) throws Exception {
    if (!blended(head)) {
      return p;
    }
    float w = (float) head.get("blend").asDouble();
    float rest = (float) (1 - head.get("blend").asDouble());
    float[] own = ModelExport.run(OrtEnvironment.getEnvironment(), backbone.onnx(), backbone,
        List.of(new ModelExport.Crop("golden", new org.expressionmirror.api.Box(0, 0, 1, 1), input, null))).get(0);
    double[] out = new double[p.length];
    for (int k = 0; k < p.length; k++) {
      out[k] = w * p[k];
      for (int b = 0; b < own.length; b++) {
        out[k] += rest * own[b] * head.get("blendMapping").get(b).get(k).asDouble();
      }
    }
    return out;
  }

  private static double[] apply(JsonNode head, float[] features) {
    int k = head.get("bias").size();
    double[] logits = new double[k];
    for (int c = 0; c < k; c++) {
      double s = head.get("bias").get(c).floatValue();
      for (int f = 0; f < features.length; f++) {
        s += features[f] * (double) head.get("weights").get(f).get(c).floatValue();
      }
      logits[c] = s;
    }
    double max = java.util.Arrays.stream(logits).max().orElse(0);
    double sum = 0;
    for (int c = 0; c < k; c++) {
      logits[c] = Math.exp(logits[c] - max);
      sum += logits[c];
    }
    for (int c = 0; c < k; c++) {
      logits[c] /= sum;
    }
    return logits;
  }

  static float[] floats(String base64) {
    ByteBuffer b = ByteBuffer.wrap(Base64.getDecoder().decode(base64)).order(ByteOrder.LITTLE_ENDIAN);
    float[] f = new float[b.remaining() / Float.BYTES];
    b.asFloatBuffer().get(f);
    return f;
  }

  static List<float[]> inputs(JsonNode golden) {
    List<float[]> in = new ArrayList<>();
    golden.get("vectors").forEach(v -> in.add(floats(v.get("input").asText())));
    return in;
  }
}

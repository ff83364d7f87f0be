package org.expressionmirror.models.converter.faceapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.expressionmirror.models.supply.PinMismatchException;
import org.expressionmirror.models.supply.PinnedFiles;

/**
 * A trained linear head on face-api's frozen 256-d features (the input of its {@code fc}): the
 * weights [256, K] in face-api's own fc layout (row = feature, column = class), the bias [K] and
 * the K labels in output order. It replaces face-api's fc [256, 7] when a model is built with it,
 * so the head file is a build input like the package's weights: pinned by sha256 in the model's
 * description. Any feature standardisation the trainer used is already folded into the weights.
 *
 * <p>File format (JSON): {@code {"labels": [K names], "weights": [[K floats] x 256],
 * "bias": [K floats], "mirror": true|false, ...}}; {@code mirror} (default false): the head was
 * trained with {@code ./mirror train --mirror} and the model averages its probabilities over the
 * face and its left-right mirror image (the mirror pass, {@link FaceExpressionNetOnnx}). {@code
 * "blend": w} (default 1: none) with {@code "blendMapping": [[K 0/1] x 7]}: the head was trained
 * with {@code ./mirror train --blend} and the model gives {@code w softmax(head) + (1 - w)
 * softmax(face-api's fc) M}, M's row i giving face-api's output i (its order: neutral, happy, sad,
 * angry, fearful, disgusted, surprised) to the head's label of the same canonical name (a row of 0s:
 * none). Further keys (provenance, the training command) are documentation.
 */
public record FaceApiHead(List<String> labels, float[] weights, float[] bias, boolean mirror,
    double blend, float[] blendMapping) {
  /** Width of face-api's feature vector (the avgPool output of its last dense block). */
  public static final int FEATURES = 256;

  /** Outputs of face-api's own fc: the rows of a blend mapping. */
  public static final int OWN_CLASSES = 7;

  public FaceApiHead {
    labels = List.copyOf(labels);
    if (!(blend > 0 && blend <= 1)) {
      throw new IllegalArgumentException("head: blend " + blend + " must be in (0, 1]");
    }
    if (blend < 1 && (blendMapping == null || blendMapping.length != OWN_CLASSES * labels.size())) {
      throw new IllegalArgumentException("head: blend " + blend + " needs a blend mapping of "
          + OWN_CLASSES + " x " + labels.size());
    }
    if (labels.size() < 2) {
      throw new IllegalArgumentException("a head needs at least two labels, has " + labels);
    }
    if (weights.length != FEATURES * labels.size() || bias.length != labels.size()) {
      throw new IllegalArgumentException("head: " + weights.length + " weights and " + bias.length
          + " biases for " + labels.size() + " labels (need " + FEATURES + " x " + labels.size()
          + " and " + labels.size() + ")");
    }
  }

  /** A head without the mirror pass. */
  public FaceApiHead(List<String> labels, float[] weights, float[] bias) {
    this(labels, weights, bias, false);
  }

  /** A head alone, not blended with face-api's. */
  public FaceApiHead(List<String> labels, float[] weights, float[] bias, boolean mirror) {
    this(labels, weights, bias, mirror, 1, null);
  }

  /** Whether the model blends the head with face-api's own fc. */
  public boolean blended() {
    return blend < 1;
  }

  public int classes() {
    return labels.size();
  }

  /** Reads a head file after checking it against its pinned sha256. */
  public static FaceApiHead read(Path file, String sha256) throws IOException {
    String actual = PinnedFiles.sha256(file);
    if (!actual.equalsIgnoreCase(sha256)) {
      throw new PinMismatchException(
          "sha256 mismatch for " + file + ": expected " + sha256 + ", got " + actual);
    }
    return parse(new ObjectMapper().readTree(file.toFile()), file);
  }

  static FaceApiHead parse(JsonNode root, Path file) throws IOException {
    List<String> labels = new ArrayList<>();
    root.path("labels").forEach(l -> labels.add(l.asText()));
    int k = labels.size();
    JsonNode rows = root.path("weights");
    if (k < 2 || rows.size() != FEATURES) {
      throw new IOException(file + ": needs 'labels' (at least 2) and 'weights' with " + FEATURES
          + " rows; has " + k + " labels and " + rows.size() + " rows");
    }
    float[] weights = new float[FEATURES * k];
    for (int f = 0; f < FEATURES; f++) {
      floats(rows.get(f), k, file, "weights[" + f + "]", weights, f * k);
    }
    float[] bias = new float[k];
    floats(root.path("bias"), k, file, "bias", bias, 0);
    JsonNode mirror = root.path("mirror");
    if (!mirror.isMissingNode() && !mirror.isBoolean()) {
      throw new IOException(file + ": 'mirror' must be true or false, is " + mirror);
    }
    JsonNode blend = root.path("blend");
    if (blend.isMissingNode()) {
      return new FaceApiHead(labels, weights, bias, mirror.asBoolean(false));
    }
    if (!blend.isNumber() || !(blend.doubleValue() > 0 && blend.doubleValue() <= 1)) {
      throw new IOException(file + ": 'blend' must be a number in (0, 1], is " + blend);
    }
    float[] mapping = null;
    if (blend.doubleValue() < 1) {
      mapping = mapping(root.path("blendMapping"), k, file);
    }
    return new FaceApiHead(labels, weights, bias, mirror.asBoolean(false), blend.doubleValue(),
        mapping);
  }

  /** {@code blendMapping}: 7 rows of K values 0 or 1, at most one 1 a row. */
  private static float[] mapping(JsonNode rows, int k, Path file) throws IOException {
    if (rows.size() != OWN_CLASSES) {
      throw new IOException(file + ": 'blendMapping' needs " + OWN_CLASSES + " rows (face-api's"
          + " outputs), has " + rows.size());
    }
    float[] m = new float[OWN_CLASSES * k];
    for (int r = 0; r < OWN_CLASSES; r++) {
      floats(rows.get(r), k, file, "blendMapping[" + r + "]", m, r * k);
      float sum = 0;
      for (int c = 0; c < k; c++) {
        float v = m[r * k + c];
        if (v != 0 && v != 1) {
          throw new IOException(file + ": blendMapping[" + r + "][" + c + "] is " + v
              + ", must be 0 or 1");
        }
        sum += v;
      }
      if (sum > 1) {
        throw new IOException(file + ": blendMapping[" + r + "] gives face-api's output " + r
            + " to more than one label");
      }
    }
    return m;
  }

  private static void floats(JsonNode array, int k, Path file, String key, float[] into, int at)
      throws IOException {
    if (array.size() != k) {
      throw new IOException(file + ": " + key + " has " + array.size() + " values, need " + k);
    }
    for (int c = 0; c < k; c++) {
      if (!array.get(c).isNumber()) {
        throw new IOException(file + ": " + key + "[" + c + "] is not a number: " + array.get(c));
      }
      into[at + c] = array.get(c).floatValue();
    }
  }
}

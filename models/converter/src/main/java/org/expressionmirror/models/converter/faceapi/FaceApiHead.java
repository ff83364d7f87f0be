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
 * face and its left-right mirror image (the mirror pass, {@link FaceExpressionNetOnnx}). Further
 * keys (provenance, the training command) are documentation.
 */
public record FaceApiHead(List<String> labels, float[] weights, float[] bias, boolean mirror) {
  /** Width of face-api's feature vector (the avgPool output of its last dense block). */
  public static final int FEATURES = 256;

  public FaceApiHead {
    labels = List.copyOf(labels);
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
    return new FaceApiHead(labels, weights, bias, mirror.asBoolean(false));
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

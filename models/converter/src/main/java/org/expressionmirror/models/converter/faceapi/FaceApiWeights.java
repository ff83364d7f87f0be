package org.expressionmirror.models.converter.faceapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.expressionmirror.models.converter.tfjs.TfjsWeights;
import org.expressionmirror.models.converter.tfjs.WeightTensor;
import org.expressionmirror.models.supply.PinMismatchException;
import org.expressionmirror.models.supply.PinnedFiles;

/**
 * face-api's weights-only model files: a weights manifest and one {@code .bin} shard whose tensors
 * lie back to back in manifest order, float32 little-endian, or one byte each where the manifest
 * gives a uint8 {@code quantization} (value = q * scale + min; dequantised by {@link TfjsWeights}
 * as tfjs' {@code io.decodeWeights} does).
 */
public final class FaceApiWeights {
  private FaceApiWeights() {}

  /**
   * Reads and dequantises every tensor after checking the shard: it must have exactly the size the
   * manifest describes and the pinned sha256, so a truncated or swapped file fails here, named,
   * instead of yielding a model with shifted weights.
   */
  public static Map<String, WeightTensor> read(Path manifest, Path bin, String binSha256)
      throws IOException {
    JsonNode root = new ObjectMapper().readTree(manifest.toFile());
    checkSingleShard(root, manifest, bin);
    long needed = bytesNeeded(root.get(0).path("weights"), manifest);
    long actual = Files.size(bin);
    if (actual != needed) {
      throw new IOException(bin + ": " + actual + " bytes, but " + manifest.getFileName()
          + " describes " + needed + (actual < needed ? " (truncated file)" : " (file too long)"));
    }
    String sha = PinnedFiles.sha256(bin);
    if (!sha.equalsIgnoreCase(binSha256)) {
      throw new PinMismatchException(
          "sha256 mismatch for " + bin + ": expected " + binSha256 + ", got " + sha);
    }
    return TfjsWeights.read(root, bin.toAbsolutePath().getParent());
  }

  private static void checkSingleShard(JsonNode root, Path manifest, Path bin) throws IOException {
    if (!root.isArray() || root.size() != 1) {
      throw new IOException(manifest + ": expected exactly one weights group");
    }
    JsonNode paths = root.get(0).path("paths");
    if (paths.size() != 1 || !paths.get(0).asText().equals(bin.getFileName().toString())) {
      throw new IOException(manifest + ": its shard paths " + paths + " are not ["
          + bin.getFileName() + "]");
    }
  }

  /** Bytes the manifest's tensors take: 4 per float32 value, 1 per uint8-quantised value. */
  private static long bytesNeeded(JsonNode weights, Path manifest) throws IOException {
    long total = 0;
    for (JsonNode w : weights) {
      long count = 1;
      for (JsonNode d : w.path("shape")) {
        count *= d.asLong();
      }
      JsonNode q = w.get("quantization");
      if (q != null && !"uint8".equals(q.path("dtype").asText())) {
        throw new IOException(manifest + ": tensor " + w.path("name").asText()
            + ": quantization " + q.path("dtype") + " not expected in face-api weights");
      }
      total += count * (q == null ? 4 : 1);
    }
    return total;
  }
}

package org.expressionmirror.face.blazeface.internal;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Validated detector settings.
 *
 * @param scoreThreshold minimum score of a face in a whole frame, in (0, 1)
 * @param regionScoreThreshold minimum score of a face in a region around a face found in the frame
 *     before (the pipeline's region passes), in (0, 1)
 * @param nmsIouThreshold overlap above which detections are merged, in (0, 1)
 * @param weightedNms merge by score-weighted mean rather than keeping the strongest
 * @param maxFaces most faces returned per frame
 */
record Settings(
    float scoreThreshold,
    float regionScoreThreshold,
    float nmsIouThreshold,
    boolean weightedNms,
    int maxFaces) {
  static final int MAX_FACES_LIMIT = 1000;

  Settings {
    requireOpenUnit("scoreThreshold", scoreThreshold);
    requireOpenUnit("regionScoreThreshold", regionScoreThreshold);
    requireOpenUnit("nmsIouThreshold", nmsIouThreshold);
    if (maxFaces < 1 || maxFaces > MAX_FACES_LIMIT) {
      throw invalid("maxFaces", maxFaces, "must be between 1 and " + MAX_FACES_LIMIT);
    }
  }

  /**
   * Settings of one model variant from the typed configuration. {@code raw} is the configuration's
   * property map, used only to quote a value that cannot be converted.
   *
   * @throws IllegalArgumentException naming the PID, key and value when one is unusable
   */
  static Settings from(Variant variant, BlazeFaceConfig config, Map<String, ?> raw) {
    String scoreKey = variant.scoreKey();
    double score =
        read(
            scoreKey,
            raw,
            variant == Variant.FRONT_128 ? config::scoreThreshold : config::backScoreThreshold);
    // Checked here too so the message names the variant's own key.
    requireOpenUnit(scoreKey, (float) score);
    double region = read("regionScoreThreshold", raw, config::regionScoreThreshold);
    double iou = read("nmsIouThreshold", raw, config::nmsIouThreshold);
    boolean weighted = read("weightedNms", raw, config::weightedNms);
    int maxFaces = read("maxFaces", raw, config::maxFaces);
    return new Settings((float) score, (float) region, (float) iou, weighted, maxFaces);
  }

  /** Reads one typed value; DS throws on an unconvertible one, which we rephrase with the key. */
  private static <T> T read(String key, Map<String, ?> raw, Supplier<T> value) {
    try {
      return value.get();
    } catch (RuntimeException e) {
      throw invalid(key, raw.get(key), "is not a valid value");
    }
  }

  private static void requireOpenUnit(String key, float value) {
    if (!(value > 0 && value < 1)) {
      throw invalid(key, value, "must be strictly between 0 and 1");
    }
  }

  private static IllegalArgumentException invalid(String key, Object value, String why) {
    return new IllegalArgumentException(
        BlazeFaceConfig.PID + ": " + key + ": '" + value + "' " + why);
  }
}

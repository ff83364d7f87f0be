package org.expressionmirror.face.haar.internal;

/** Detector settings, validated by {@link #of}; see {@link HaarConfig} for their meaning. */
record HaarSettings(double scaleFactor, int minNeighbors, int minFaceSize, int detectionWidth) {
  /** Twice the cascade's 24-pixel window: anything narrower cannot hold a findable face. */
  static final int MIN_DETECTION_WIDTH = 48;

  /** Checks the values; a message starts with the PID, as the start-up check expects. */
  private static void validate(
      String pid, double scaleFactor, int minNeighbors, int minFaceSize, int detectionWidth) {
    if (!(scaleFactor > 1) || Double.isInfinite(scaleFactor)) {
      throw invalid(pid, "scaleFactor", scaleFactor, "must be a number greater than 1");
    }
    if (minNeighbors < 0) {
      throw invalid(pid, "minNeighbors", minNeighbors, "must be 0 or more");
    }
    if (minFaceSize < 0) {
      throw invalid(pid, "minFaceSize", minFaceSize, "must be 0 or more");
    }
    if (detectionWidth != 0 && detectionWidth < MIN_DETECTION_WIDTH) {
      throw invalid(pid, "detectionWidth", detectionWidth, "must be 0 or at least " + MIN_DETECTION_WIDTH);
    }
  }

  /** The settings of the detector configured under {@code pid}; an invalid value names it. */
  static HaarSettings of(HaarConfig config, String pid) {
    validate(pid, config.scaleFactor(), config.minNeighbors(), config.minFaceSize(), config.detectionWidth());
    return new HaarSettings(
        config.scaleFactor(), config.minNeighbors(), config.minFaceSize(), config.detectionWidth());
  }

  private static IllegalArgumentException invalid(String pid, String key, Object value, String rule) {
    return new IllegalArgumentException(pid + ": " + key + " " + rule + ", got " + value);
  }
}

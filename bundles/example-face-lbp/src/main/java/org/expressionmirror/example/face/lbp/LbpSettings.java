package org.expressionmirror.example.face.lbp;

/** Valid detector settings; see {@link LbpConfig} for their meaning. */
record LbpSettings(double scaleFactor, int minNeighbors, int minFaceSize, int detectionWidth) {
  /** Twice the cascade's 24-pixel window: anything narrower cannot hold a findable face. */
  static final int MIN_DETECTION_WIDTH = 48;

  /** The settings of a configuration; an invalid value throws, naming PID, key and value. */
  static LbpSettings of(LbpConfig config) {
    if (!(config.scaleFactor() > 1) || Double.isInfinite(config.scaleFactor())) {
      throw invalid("scaleFactor", config.scaleFactor(), "must be a number greater than 1");
    }
    if (config.minNeighbors() < 0) {
      throw invalid("minNeighbors", config.minNeighbors(), "must be 0 or more");
    }
    if (config.minFaceSize() < 0) {
      throw invalid("minFaceSize", config.minFaceSize(), "must be 0 or more");
    }
    if (config.detectionWidth() != 0 && config.detectionWidth() < MIN_DETECTION_WIDTH) {
      throw invalid("detectionWidth", config.detectionWidth(), "must be 0 or at least " + MIN_DETECTION_WIDTH);
    }
    return new LbpSettings(
        config.scaleFactor(), config.minNeighbors(), config.minFaceSize(), config.detectionWidth());
  }

  /** The factor a frame {@code width} pixels wide is scaled by before detection (at most 1). */
  double scaleFor(int width) {
    return detectionWidth > 0 && width > detectionWidth ? (double) detectionWidth / width : 1;
  }

  private static IllegalArgumentException invalid(String key, Object value, String rule) {
    // the message starts with the PID, as the program's start-up check expects
    return new IllegalArgumentException(LbpDetector.PID + ": " + key + " " + rule + ", got " + value);
  }
}

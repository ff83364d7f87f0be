package org.expressionmirror.face.haar.internal;

import org.expressionmirror.face.haar.HaarDetectors;

/** Validated detector settings; see {@link HaarConfig} for their meaning. */
record HaarSettings(double scaleFactor, int minNeighbors, int minFaceSize, int detectionWidth) {
  /** Twice the cascade's 24-pixel window: anything narrower cannot hold a findable face. */
  static final int MIN_DETECTION_WIDTH = 48;

  HaarSettings {
    if (!(scaleFactor > 1) || Double.isInfinite(scaleFactor)) {
      throw invalid("scaleFactor", scaleFactor, "must be a number greater than 1");
    }
    if (minNeighbors < 0) {
      throw invalid("minNeighbors", minNeighbors, "must be 0 or more");
    }
    if (minFaceSize < 0) {
      throw invalid("minFaceSize", minFaceSize, "must be 0 or more");
    }
    if (detectionWidth != 0 && detectionWidth < MIN_DETECTION_WIDTH) {
      throw invalid("detectionWidth", detectionWidth, "must be 0 or at least " + MIN_DETECTION_WIDTH);
    }
  }

  static HaarSettings of(HaarConfig config) {
    return new HaarSettings(
        config.scaleFactor(), config.minNeighbors(), config.minFaceSize(), config.detectionWidth());
  }

  private static IllegalArgumentException invalid(String key, Object value, String rule) {
    return new IllegalArgumentException(
        HaarDetectors.PID + ": " + key + " " + rule + ", got " + value);
  }
}

package org.expressionmirror.face.blazeface.internal;

/**
 * One decoded anchor: score and geometry in input pixels.
 *
 * @param score sigmoid of the model's logit, in [0, 1]
 * @param geometry {@link #LENGTH} values: centre x, centre y, width, height, then x, y of the six
 *     keypoints (right eye, left eye, nose tip, mouth, right ear, left ear, as MediaPipe names
 *     them)
 */
record Detection(float score, float[] geometry) {
  static final int LENGTH = 16;
  static final int KEYPOINTS = 6;

  Detection {
    if (geometry.length != LENGTH) {
      throw new IllegalArgumentException("geometry needs " + LENGTH + " values");
    }
  }

  /** A detection of a box (centre, size) without keypoints; for tests and tools. */
  static Detection box(float score, float cx, float cy, float w, float h) {
    float[] g = new float[LENGTH];
    g[0] = cx;
    g[1] = cy;
    g[2] = w;
    g[3] = h;
    return new Detection(score, g);
  }

  float cx() {
    return geometry[0];
  }

  float cy() {
    return geometry[1];
  }

  float width() {
    return geometry[2];
  }

  float height() {
    return geometry[3];
  }

  float keypointX(int k) {
    return geometry[4 + 2 * k];
  }

  float keypointY(int k) {
    return geometry[5 + 2 * k];
  }

  /** Intersection over union of the two boxes; 0 when either is empty. */
  float iou(Detection other) {
    float ix = overlap(cx(), width(), other.cx(), other.width());
    float iy = overlap(cy(), height(), other.cy(), other.height());
    float inter = ix * iy;
    float union = width() * height() + other.width() * other.height() - inter;
    return union <= 0 ? 0 : inter / union;
  }

  private static float overlap(float c0, float s0, float c1, float s1) {
    float lo = Math.max(c0 - s0 / 2, c1 - s1 / 2);
    float hi = Math.min(c0 + s0 / 2, c1 + s1 / 2);
    return Math.max(0, hi - lo);
  }
}

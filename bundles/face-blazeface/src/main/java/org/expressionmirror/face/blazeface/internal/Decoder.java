package org.expressionmirror.face.blazeface.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the raw outputs of all anchors into detections: sigmoid scores, and boxes and keypoints
 * that the model gives as offsets from the anchor centre in input pixels (width and height as they
 * are).
 */
final class Decoder {
  /** MediaPipe clips logits to this range before the sigmoid. */
  private static final float LOGIT_CLIP = 100f;

  private final Anchors anchors;

  Decoder(Anchors anchors) {
    this.anchors = anchors;
  }

  /**
   * Detections scoring above {@code threshold}.
   *
   * @param logits one logit per anchor, in anchor order
   * @param boxes {@link Detection#LENGTH} values per anchor, in anchor order
   */
  List<Detection> decode(float[] logits, float[] boxes, float threshold) {
    int n = anchors.count();
    if (logits.length != n || boxes.length != n * Detection.LENGTH) {
      throw new IllegalArgumentException(
          "expected "
              + n
              + " scores and "
              + n * Detection.LENGTH
              + " box values, got "
              + logits.length
              + " and "
              + boxes.length);
    }
    // Compare logits first: the sigmoid is monotonic, and almost every anchor is below threshold.
    float minLogit = logit(threshold);
    List<Detection> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (logits[i] > minLogit) {
        out.add(new Detection(sigmoid(logits[i]), geometry(boxes, i)));
      }
    }
    return out;
  }

  private float[] geometry(float[] boxes, int anchor) {
    float ax = anchors.x(anchor);
    float ay = anchors.y(anchor);
    int at = anchor * Detection.LENGTH;
    float[] g = new float[Detection.LENGTH];
    g[0] = ax + boxes[at];
    g[1] = ay + boxes[at + 1];
    g[2] = boxes[at + 2];
    g[3] = boxes[at + 3];
    for (int k = 4; k < Detection.LENGTH; k += 2) {
      g[k] = ax + boxes[at + k];
      g[k + 1] = ay + boxes[at + k + 1];
    }
    return g;
  }

  static float sigmoid(float logit) {
    float x = Math.max(-LOGIT_CLIP, Math.min(LOGIT_CLIP, logit));
    return (float) (1 / (1 + Math.exp(-x)));
  }

  private static float logit(float p) {
    return (float) Math.log(p / (1 - p));
  }
}

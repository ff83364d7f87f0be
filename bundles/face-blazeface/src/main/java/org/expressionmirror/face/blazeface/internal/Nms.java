package org.expressionmirror.face.blazeface.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Non-maximum suppression. BlazeFace fires on several neighbouring anchors per face; MediaPipe
 * merges them by a score-weighted mean ("weighted NMS"), which steadies boxes and keypoints from
 * frame to frame better than keeping only the best anchor (plain NMS, also offered).
 */
final class Nms {
  private Nms() {}

  /**
   * Merges overlapping detections, strongest first.
   *
   * @param iouThreshold detections overlapping the strongest remaining one by more than this are
   *     merged into it (weighted) or dropped (plain)
   * @param maxFaces at most this many results
   * @param weighted score-weighted mean of each cluster's geometry, else the strongest's geometry
   */
  static List<Detection> apply(
      List<Detection> detections, float iouThreshold, int maxFaces, boolean weighted) {
    List<Detection> remaining = new ArrayList<>(detections);
    remaining.sort(Comparator.comparingDouble(Detection::score).reversed());
    List<Detection> out = new ArrayList<>();
    while (!remaining.isEmpty() && out.size() < maxFaces) {
      Detection top = remaining.get(0);
      List<Detection> cluster = new ArrayList<>();
      remaining.removeIf(
          d -> {
            boolean member = d == top || top.iou(d) > iouThreshold;
            if (member) {
              cluster.add(d);
            }
            return member;
          });
      out.add(weighted ? mean(top.score(), cluster) : top);
    }
    return out;
  }

  /** Score-weighted mean geometry of a cluster; its score is the best member's. */
  private static Detection mean(float score, List<Detection> cluster) {
    float[] g = new float[Detection.LENGTH];
    float total = 0;
    for (Detection d : cluster) {
      total += d.score();
      for (int i = 0; i < g.length; i++) {
        g[i] += d.geometry()[i] * d.score();
      }
    }
    for (int i = 0; i < g.length; i++) {
      g[i] /= total;
    }
    return new Detection(score, g);
  }
}

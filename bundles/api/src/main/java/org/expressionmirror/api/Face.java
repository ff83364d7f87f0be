package org.expressionmirror.api;

import java.util.List;

/**
 * A face found by a detector.
 *
 * @param box the face in source pixels
 * @param score detector confidence in [0, 1]; 1 for detectors without a score (Haar)
 * @param keypoints landmarks where the detector has them, else empty
 */
public record Face(Box box, double score, List<Keypoint> keypoints) {
  public Face {
    keypoints = List.copyOf(keypoints);
  }

  public Face(Box box, double score) {
    this(box, score, List.of());
  }
}

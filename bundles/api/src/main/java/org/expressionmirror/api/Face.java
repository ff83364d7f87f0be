package org.expressionmirror.api;

import java.util.List;

/**
 * A face found by a detector.
 *
 * @param box the face in source pixels
 * @param score detector confidence in [0, 1]; 1 for detectors without a score (Haar)
 * @param keypoints landmarks where the detector has them, else empty
 * @param foundBy id of the detector that found the face when the detector asked is a chain of
 *     others (e.g. {@code haar-alt2}); empty otherwise
 */
public record Face(Box box, double score, List<Keypoint> keypoints, String foundBy) {
  public Face {
    keypoints = List.copyOf(keypoints);
    foundBy = foundBy == null ? "" : foundBy;
  }

  public Face(Box box, double score, List<Keypoint> keypoints) {
    this(box, score, keypoints, "");
  }

  public Face(Box box, double score) {
    this(box, score, List.of());
  }

  /** This face as found by the detector {@code id}. */
  public Face withFoundBy(String id) {
    return new Face(box, score, keypoints, id);
  }
}

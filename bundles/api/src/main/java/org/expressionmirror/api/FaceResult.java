package org.expressionmirror.api;

/**
 * The reading of one face in one frame.
 *
 * @param track id of the face, stable while it stays in view
 * @param box the face in source pixels
 * @param scores the model's distribution for this frame; null when the face was not read (only
 *     the largest face is read in "only my face" mode)
 * @param smoothed the smoother's distribution for the track so far; null when not read
 * @param foundBy the link of a chain detector that found the face (see {@link Face#foundBy()});
 *     empty when the detector is not a chain
 */
public record FaceResult(
    int track, Box box, Distribution scores, Distribution smoothed, String foundBy) {
  public FaceResult {
    foundBy = foundBy == null ? "" : foundBy;
  }

  public FaceResult(int track, Box box, Distribution scores, Distribution smoothed) {
    this(track, box, scores, smoothed, "");
  }

  /** Whether the model read this face. */
  public boolean read() {
    return scores != null;
  }
}

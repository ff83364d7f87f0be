package org.expressionmirror.api;

/**
 * The reading of one face in one frame.
 *
 * @param track id of the face, stable while it stays in view
 * @param box the face in source pixels
 * @param scores the model's distribution for this frame; null when the face was not read (only
 *     the largest face is read in "only my face" mode)
 * @param smoothed the smoother's distribution for the track so far; null when not read
 */
public record FaceResult(int track, Box box, Distribution scores, Distribution smoothed) {
  /** Whether the model read this face. */
  public boolean read() {
    return scores != null;
  }
}

package org.expressionmirror.api;

import java.util.Map;

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
 * @param labelThreshold every label whose smoothed probability is at least this is shown and
 *     recorded ({@link #labelsAbove()}), besides the three strongest; in (0, 1]
 */
public record FaceResult(
    int track,
    Box box,
    Distribution scores,
    Distribution smoothed,
    String foundBy,
    double labelThreshold) {
  /** The documented default of the pipeline's {@code labelThreshold}. */
  public static final double DEFAULT_LABEL_THRESHOLD = 0.3;

  /** A reading with the default label threshold, found by a detector that is not a chain. */
  public FaceResult(int track, Box box, Distribution scores, Distribution smoothed) {
    this(track, box, scores, smoothed, "", DEFAULT_LABEL_THRESHOLD);
  }

  /** A reading with the default label threshold. */
  public FaceResult(int track, Box box, Distribution scores, Distribution smoothed, String foundBy) {
    this(track, box, scores, smoothed, foundBy, DEFAULT_LABEL_THRESHOLD);
  }

  /** A reading found by a detector that is not a chain. */
  public FaceResult(
      int track, Box box, Distribution scores, Distribution smoothed, double labelThreshold) {
    this(track, box, scores, smoothed, "", labelThreshold);
  }

  public FaceResult {
    foundBy = foundBy == null ? "" : foundBy;
    if (!(labelThreshold > 0 && labelThreshold <= 1)) {
      throw new IllegalArgumentException(
          "track " + track + ": label threshold must be in (0, 1], got " + labelThreshold);
    }
  }

  /** Whether the model read this face. */
  public boolean read() {
    return scores != null;
  }

  /**
   * The smoothed labels at or above {@link #labelThreshold()}, strongest first; empty when none
   * is, null when the face was not read.
   */
  public Map<String, Double> labelsAbove() {
    return smoothed == null ? null : smoothed.atLeast(labelThreshold);
  }
}

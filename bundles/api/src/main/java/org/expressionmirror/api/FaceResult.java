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
 * @param pass which kind of detection pass found the face: {@link #FULL_PASS} (the whole frame),
 *     {@link #REGION_PASS} (only around the faces of the frame before); empty when not told
 */
public record FaceResult(
    int track,
    Box box,
    Distribution scores,
    Distribution smoothed,
    String foundBy,
    double labelThreshold,
    String pass) {
  /** The documented default of the pipeline's {@code labelThreshold}. */
  public static final double DEFAULT_LABEL_THRESHOLD = 0.3;

  /** {@link #pass()} of a face found by a detection pass over the whole frame. */
  public static final String FULL_PASS = "full";

  /** {@link #pass()} of a face found by a pass restricted to regions around known faces. */
  public static final String REGION_PASS = "region";

  /** A reading without the kind of pass that found it. */
  public FaceResult(
      int track, Box box, Distribution scores, Distribution smoothed, String foundBy, double labelThreshold) {
    this(track, box, scores, smoothed, foundBy, labelThreshold, "");
  }

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
    pass = pass == null ? "" : pass;
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

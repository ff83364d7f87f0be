package org.expressionmirror.api;

/**
 * The reading of one face in one frame.
 *
 * @param track id of the face, stable while it stays in view
 * @param box the face in source pixels
 * @param scores the model's distribution for this frame
 * @param smoothed the smoother's distribution for the track so far
 */
public record FaceResult(int track, Box box, Distribution scores, Distribution smoothed) {}

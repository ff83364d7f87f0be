package org.expressionmirror.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Reads the faces and expressions of one still image with the detector and model the pipeline
 * has selected at that moment (its {@code mirror.pipeline} configuration), outside any run: no
 * tracking, no smoothing, nothing published to listeners or views, nothing kept.
 */
@ProviderType
public interface StillImageReader {
  /**
   * The faces of {@code image} and each one's expression scores. In the result, {@code frame} and
   * {@code timeMs} are those of the image, {@code smoother} is empty, each face's {@code track}
   * is its 1-based position in the detector's list and its {@code smoothed} is null.
   *
   * @throws IllegalStateException when no detector or no model is registered yet, with a message
   *     naming the wanted id and those on offer
   */
  FrameResult read(Frame image);
}

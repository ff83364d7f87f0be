package org.expressionmirror.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Smooths the scores of one face over time. State lives in a {@link Track} per face, so a face
 * that leaves is forgotten by dropping its track.
 */
@ConsumerType
public interface Smoother {
  String ID = "smoother.id";
  String VERSION = "smoother.version";

  /** A fresh, empty state for one face track. */
  Track newTrack();

  /** The smoothing state of one face. Not thread-safe: one pipeline thread owns it. */
  @ConsumerType
  interface Track {
    /**
     * Adds the scores seen at {@code timeMs} (source time, increasing) and returns the smoothed
     * distribution.
     */
    Distribution update(double timeMs, Distribution scores);
  }
}

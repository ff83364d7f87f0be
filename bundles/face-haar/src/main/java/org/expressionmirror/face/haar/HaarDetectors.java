package org.expressionmirror.face.haar;

/** The Haar detector's service id and configuration PID. */
public final class HaarDetectors {
  /** Value of {@code detector.id}. */
  public static final String ID = "haar";

  /** Config Admin PID of the detector's settings. */
  public static final String PID = "mirror.detector.haar";

  private HaarDetectors() {}
}

package org.expressionmirror.face.haar;

/** The cascade detectors' service ids and configuration PIDs. */
public final class HaarDetectors {
  /** Value of {@code detector.id}: haarcascade_frontalface_default, the textbook's. */
  public static final String ID = "haar";

  /** Config Admin PID of the detector's settings. */
  public static final String PID = "mirror.detector.haar";

  /** haarcascade_frontalface_alt. */
  public static final String ALT_ID = "haar-alt";

  public static final String ALT_PID = "mirror.detector.haar-alt";

  /** haarcascade_frontalface_alt2. */
  public static final String ALT2_ID = "haar-alt2";

  public static final String ALT2_PID = "mirror.detector.haar-alt2";

  /** haarcascade_profileface, run on the image and on its mirror (it knows one side only). */
  public static final String PROFILE_ID = "haar-profile";

  public static final String PROFILE_PID = "mirror.detector.haar-profile";

  /** Detectors tried in order until one finds a face. */
  public static final String CHAIN_ID = "chain";

  public static final String CHAIN_PID = "mirror.detector.chain";

  private HaarDetectors() {}
}

package org.expressionmirror.evaluation;

/**
 * Names shared by the launcher's {@code eval} command and the evaluation bundle. The launcher sets
 * the framework properties; the launch bundle turns them into the {@link #PID} configuration, so a
 * configuration file can start an evaluation the same way.
 */
public final class Evaluation {
  /** Configuration PID of one evaluation run. */
  public static final String PID = "mirror.eval";

  /** Framework property: folder with one subfolder of images per label, or a FER+ {@code label.csv}. Starts the run. */
  public static final String DATASET = "mirror.eval.dataset";

  /** Framework property: model id; unset means the default model (see the bundle's README). */
  public static final String MODEL = "mirror.eval.model";

  /** Framework property: a second model id to compare with the first on the same images. */
  public static final String COMPARE = "mirror.eval.compare";

  /**
   * Framework property: {@code true} leaves out label folders whose name is not a label, or whose
   * label the model (either model when comparing) lacks, instead of stopping or counting them wrong.
   */
  public static final String SKIP_UNKNOWN_LABELS = "mirror.eval.skipUnknownLabels";

  /**
   * Framework property: how a FER+ {@code label.csv}'s votes become labels: {@code ferplus} (the
   * default: FERPlus's majority, single votes dropped, more than half of the rest) or {@code
   * plurality} (the most votes, ties left out).
   */
  public static final String LABEL_RULE = "mirror.eval.labelRule";

  /** Framework property: detector id, or {@code none} for the whole image as the face. */
  public static final String DETECTOR = "mirror.eval.detector";

  /** Framework property: JSON report file; unset means print only. */
  public static final String OUT = "mirror.eval.out";

  /** Framework property: seconds to wait for the model and detector services (default 20). */
  public static final String WAIT_SECONDS = "mirror.eval.waitSeconds";

  /** The detector value that takes each whole image as the face. */
  public static final String NO_DETECTOR = "none";

  private Evaluation() {}
}

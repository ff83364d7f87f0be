package org.expressionmirror.training;

/**
 * Names shared by the launcher's {@code train} command and the training bundle. The launcher sets
 * the framework properties; the launch bundle turns them into the {@link #PID} configuration.
 */
public final class Training {
  /** Configuration PID of one training run. */
  public static final String PID = "mirror.train";

  /** Framework property: labelled folder, or a FER+ {@code label.csv}. Starts the run. */
  public static final String DATASET = "mirror.train.dataset";

  /** Framework property: a FER+ label file for the images in the dataset folder (optional). */
  public static final String LABELS = "mirror.train.labels";

  /**
   * Framework property: images kept apart for the final head's early stopping (a labelled folder
   * or a FER+ label.csv, e.g. FER+ valid); unset holds out a tenth of the training images.
   */
  public static final String VALIDATION = "mirror.train.validation";

  /** Framework property: the model whose frozen features the head is trained on. */
  public static final String BACKBONE = "mirror.train.backbone";

  /** Framework property: detector id, or {@code none} for the whole image as the face. */
  public static final String DETECTOR = "mirror.train.detector";

  /** Framework property: number of cross-validation folds. */
  public static final String FOLDS = "mirror.train.folds";

  /** Framework property: the new model's id and file name. */
  public static final String NAME = "mirror.train.name";

  /** Framework property: folder to write the model into (default: the user's models folder). */
  public static final String OUT = "mirror.train.out";

  /** Framework property: JSON report file (optional). */
  public static final String REPORT = "mirror.train.report";

  /** Framework property: seconds to wait for the backbone and detector services. */
  public static final String WAIT_SECONDS = "mirror.train.waitSeconds";

  /** Framework property: L2 weight of the head (default 1e-4). */
  public static final String L2 = "mirror.train.l2";

  /**
   * Framework property: class weight power, 0 (no class weights) to 1 (balanced: {@code n / (K
   * n_class)}); default 0.5.
   */
  public static final String CLASS_WEIGHTS = "mirror.train.classWeights";

  /**
   * Framework property: {@code true} when every image shows the same person (their own face):
   * each image is its own group, fewer folds when a label has few images, and the description
   * says the model was trained on one person.
   */
  public static final String ONE_PERSON = "mirror.train.onePerson";

  /**
   * Framework property: {@code soft} (FER+ vote shares, the default) or {@code hard} (the majority
   * label alone) as the head's targets.
   */
  public static final String TARGETS = "mirror.train.targets";

  /**
   * Framework property: how FER+ votes become labels, as eval's {@code --label-rule}: {@code
   * ferplus} (the default, FERPlus's majority) or {@code plurality} (the most votes).
   */
  public static final String LABEL_RULE = "mirror.train.labelRule";

  /**
   * Framework property: {@code true} to train on each face and its left-right mirror image, score
   * by their averaged probabilities and export the model with that mirror pass in its graph.
   */
  public static final String MIRROR = "mirror.train.mirror";

  /**
   * Framework property: the trained head's weight w in a blend with the backbone's own head ({@code
   * w head + (1 - w) backbone}, mapped by canonical label): {@code 1} (the default: the head
   * alone), a weight in (0, 1], or {@code auto} (chosen on the validation images).
   */
  public static final String BLEND = "mirror.train.blend";

  /** Framework property: seed of the folds, the split and the shuffles (default 1). */
  public static final String SEED = "mirror.train.seed";

  private Training() {}
}

package org.expressionmirror.expression.onnx;

/**
 * Configuration and service property names of the ONNX expression models. Besides {@code
 * model.id} and {@code model.version} every model service carries its description's main facts.
 */
public final class OnnxModels {
  /** Configuration PID of the models folder component. */
  public static final String PID = "mirror.models";

  /** Framework property with the default models folder. */
  public static final String DIR_PROPERTY = "mirror.models.dir";

  /**
   * Framework property with the user's models folder, read beside the models folder (optional).
   * The models folder is scanned first: a user model with the id of a model there is refused
   * with a line naming both descriptions.
   */
  public static final String USER_DIR_PROPERTY = "mirror.models.user.dir";

  /**
   * Manifest header of a model bundle: the folder inside the bundle that holds model descriptions
   * with their ONNX (and golden) files, e.g. {@code Expression-Models: models}. The models are
   * registered while the bundle is active.
   */
  public static final String MODELS_HEADER = "Expression-Models";

  /** String: the model bundle a model came from ({@code symbolic-name version}), absent otherwise. */
  public static final String BUNDLE = "model.bundle";

  /** String[]: canonical labels in the model's output order (after mapping). */
  public static final String LABELS = "model.labels";

  /** String: where the weights come from (package, version, files with sha256). */
  public static final String SOURCE = "model.source";

  /** String: licence of the weights. */
  public static final String LICENCE = "model.licence";

  /** String: one-line input contract (size, colour, layout, scaling, crop). */
  public static final String INPUT = "model.input";

  /** String: path of the model description the service was made from. */
  public static final String DESCRIPTION = "model.description";

  private OnnxModels() {}
}

package org.expressionmirror.api;

/**
 * Reads the expression of a face. Registered with {@link #ID} and {@link #VERSION} service
 * properties, only once the model is loaded and warmed up.
 */
public interface ExpressionModel {
  String ID = "model.id";
  String VERSION = "model.version";

  ModelInfo info();

  /** The distribution over the model's labels for the face in {@code box} of {@code frame}. */
  Distribution classify(Frame frame, Box box);
}

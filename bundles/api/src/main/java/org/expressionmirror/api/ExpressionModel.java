package org.expressionmirror.api;

import java.util.function.Consumer;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Reads the expression of a face. Registered with {@link #ID} and {@link #VERSION} service
 * properties, only once the model is loaded and warmed up.
 */
@ConsumerType
public interface ExpressionModel {
  String ID = "model.id";
  String VERSION = "model.version";

  ModelInfo info();

  /** The distribution over the model's labels for the face in {@code box} of {@code frame}. */
  Distribution classify(Frame frame, Box box);

  /**
   * As {@link #classify(Frame, Box)}, and hands {@code inputs} the exact input the model received
   * (once per network: an ensemble hands one per member). Called only when a view asks to see the
   * model's input, so the plain call stays as fast as it was. A model that cannot show its input
   * hands nothing.
   */
  default Distribution classify(Frame frame, Box box, Consumer<ModelInput> inputs) {
    return classify(frame, box);
  }
}

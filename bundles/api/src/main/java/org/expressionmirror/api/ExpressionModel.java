package org.expressionmirror.api;

import java.util.ArrayList;
import java.util.List;
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

  /**
   * The distributions for several faces of one frame, in the order of {@code boxes}. A model
   * whose network takes a batch reads them all in one call; by default they are read one after
   * the other.
   */
  default List<Distribution> classify(Frame frame, List<Box> boxes) {
    List<Distribution> out = new ArrayList<>(boxes.size());
    for (Box box : boxes) {
      out.add(classify(frame, box));
    }
    return out;
  }
}

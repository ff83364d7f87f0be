package org.expressionmirror.expression.ensemble.internal;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.expressionmirror.api.Box;
import org.expressionmirror.api.Distribution;
import org.expressionmirror.api.ExpressionModel;
import org.expressionmirror.api.Frame;
import org.expressionmirror.api.ModelInfo;
import org.expressionmirror.api.ModelInput;

/** A member with a known output, so the mixture can be computed by hand. */
record Fixed(ModelInfo info, Distribution output) implements ExpressionModel {
  static Fixed of(String id, String version, Map<String, Double> output) {
    Distribution d = new Distribution(output);
    return new Fixed(new ModelInfo(id, version, d.labels(), "test", "MIT", id + " input"), d);
  }

  @Override
  public Distribution classify(Frame frame, Box box) {
    return output;
  }

  /** Hands a 1x1 grey input named after the member, as a real model hands its tensor. */
  @Override
  public Distribution classify(Frame frame, Box box, Consumer<ModelInput> inputs) {
    inputs.accept(new ModelInput(info.id(), 1, 1, ModelInput.GREY, new byte[] {7}, "1x1 grey"));
    return output;
  }

  static final Frame FRAME = new Frame(0, 0, 4, 4, new byte[48]);
  static final Box BOX = new Box(0, 0, 4, 4);
}

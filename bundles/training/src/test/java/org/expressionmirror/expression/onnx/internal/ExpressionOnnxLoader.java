package org.expressionmirror.expression.onnx.internal;

import ai.onnxruntime.OrtEnvironment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.expressionmirror.api.ExpressionModel;

/**
 * The ONNX models bundle's own loader, as the running mirror uses it on a description in the
 * user's models folder: checks the contract and the golden vectors, warms up. In this package
 * because the loader is the bundle's implementation; the training tests prove with it that what
 * they wrote is accepted.
 */
public final class ExpressionOnnxLoader {
  private ExpressionOnnxLoader() {}

  /** What the loader said (golden check summary). */
  public static final List<String> INFO = new ArrayList<>();

  /** Loads the model; the caller closes it with {@link #close}. */
  public static ExpressionModel load(Path description) throws ModelException {
    return new ModelLoader(OrtEnvironment.getEnvironment(), 1, INFO::add).load(description);
  }

  public static void close(ExpressionModel model) {
    ((OnnxExpressionModel) model).close();
  }
}

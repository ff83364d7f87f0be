package org.expressionmirror.expression.onnx.internal;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.expressionmirror.api.ExpressionModel;

/**
 * A model whose description and ONNX graph are bytes in memory, never a file: Teach mode's
 * personal model lives so until the user saves it. Loaded as a file's model is (the same
 * preprocessing, the contract checked, warmed up), without golden vectors: its maker proves the
 * graph against the head it trained before it loads it. Public for the training bundle, which
 * copies this package.
 */
public final class InMemoryModel {
  private static final ObjectMapper JSON = new ObjectMapper();

  private InMemoryModel() {}

  /**
   * @param name what messages call the model (no file exists)
   * @throws ModelException naming {@code name} and what is wrong
   */
  public static ExpressionModel load(OrtEnvironment env, byte[] description, byte[] onnx, String name)
      throws ModelException {
    ModelSpec spec;
    try {
      spec = ModelSpec.of(name, JSON.readValue(description, ModelDescription.class));
    } catch (IOException e) {
      throw new ModelException(name + ": not a valid model description: " + e.getMessage(), e);
    }
    OrtSession session;
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      // one core, as the shipped models are configured by default: the pipeline reads one face at a time
      options.setIntraOpNumThreads(1);
      session = env.createSession(onnx, options);
    } catch (OrtException e) {
      throw new ModelException(name + ": not an ONNX model ONNX Runtime can load: " + e.getMessage(), e);
    }
    OnnxExpressionModel model = new OnnxExpressionModel(spec, env, session);
    try {
      ModelLoader.checkContract(Path.of(name), spec, session);
      ModelLoader.warmUp(model, Path.of(name));
      return model;
    } catch (ModelException | RuntimeException e) {
      model.close();
      throw e;
    }
  }

  /** Frees the model's session; a later call on it fails with a message. */
  public static void close(ExpressionModel model) {
    if (model instanceof OnnxExpressionModel m) {
      m.close();
    }
  }
}

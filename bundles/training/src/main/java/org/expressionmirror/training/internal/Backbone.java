package org.expressionmirror.training.internal;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.expressionmirror.api.Box;
import org.expressionmirror.api.Frame;
import org.expressionmirror.expression.onnx.internal.ModelException;
import org.expressionmirror.expression.onnx.internal.ModelLoader;
import org.expressionmirror.expression.onnx.internal.ModelSpec;
import org.expressionmirror.expression.onnx.internal.Preprocessor;

/**
 * A shipped (or user) expression model used as a frozen feature extractor: its description and
 * preprocessing are those the model runs with in the pipeline (the same classes), its graph gets
 * the input of its last dense layer as a second output. Not thread-safe; closes its session.
 */
final class Backbone implements AutoCloseable {
  private final Path description;
  private final ModelSpec spec;
  private final byte[] onnx;
  private final String sha256;
  private final OnnxHead head;
  private final Preprocessor preprocessor;
  private final OrtEnvironment env;
  private final OrtSession session;
  private final FloatBuffer input;

  private Backbone(Path description, ModelSpec spec, byte[] onnx, OnnxHead head, OrtEnvironment env, OrtSession session) {
    this.description = description;
    this.spec = spec;
    this.onnx = onnx;
    this.sha256 = Hashes.sha256(onnx);
    this.head = head;
    this.preprocessor = new Preprocessor(spec);
    this.env = env;
    this.session = session;
    int size = spec.width() * spec.height() * spec.channels();
    this.input = ByteBuffer.allocateDirect(size * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
  }

  /**
   * Opens the model a description names.
   *
   * @throws TrainingException naming the description and what is wrong
   */
  static Backbone open(OrtEnvironment env, Path description) throws TrainingException {
    ModelSpec spec;
    try {
      spec = ModelLoader.readSpec(description);
    } catch (ModelException e) {
      throw new TrainingException(e.getMessage());
    }
    Path file = description.toAbsolutePath().getParent().resolve(spec.file());
    byte[] onnx;
    try {
      onnx = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new TrainingException("backbone " + spec.id() + ": cannot read " + file + " (" + e.getMessage() + ")");
    }
    OnnxHead head;
    try {
      head = OnnxHead.find(onnx, spec.outputName());
    } catch (IllegalArgumentException e) {
      throw new TrainingException("backbone " + spec.id() + " (" + file + "): " + e.getMessage());
    }
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(Math.max(1, Runtime.getRuntime().availableProcessors()));
      OrtSession session = env.createSession(head.withFeaturesOutput(), options);
      return new Backbone(description, spec, onnx, head, env, session);
    } catch (OrtException e) {
      throw new TrainingException("backbone " + spec.id() + " (" + file + "): ONNX Runtime cannot load it: " + e.getMessage());
    }
  }

  ModelSpec spec() {
    return spec;
  }

  Path description() {
    return description;
  }

  /** The model file's bytes (the export starts from them). */
  byte[] onnx() {
    return onnx.clone();
  }

  /** Which backbone a trained model stands on, for its description's provenance. */
  Map<String, Object> provenance() {
    return Map.of("id", spec.id(), "version", spec.version(), "file", spec.file(), "sha256", sha256());
  }

  String sha256() {
    return sha256;
  }

  OnnxHead head() {
    return head;
  }

  /** The model's input tensor for the face in {@code box}, exactly as the pipeline makes it. */
  float[] input(Frame frame, Box box) {
    input.clear();
    preprocessor.fill(frame, box, input);
    float[] values = new float[input.capacity()];
    input.get(0, values);
    return values;
  }

  /** The backbone's features (the input of its last dense layer) for the face in {@code box}. */
  float[] features(Frame frame, Box box) throws OrtException {
    input.clear();
    preprocessor.fill(frame, box, input);
    return run();
  }

  /** The features of a model input made before (golden crops), not of a frame. */
  float[] features(float[] modelInput) throws OrtException {
    input.clear();
    input.put(modelInput);
    return run();
  }

  private float[] run() throws OrtException {
    input.rewind();
    try (OnnxTensor in = OnnxTensor.createTensor(env, input, spec.shape());
        OrtSession.Result r = session.run(Map.of(spec.inputName(), in), Set.of(head.featuresName()))) {
      float[][] f = (float[][]) r.get(0).getValue();
      return f[0];
    }
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      // closing at the end of a run; nothing depends on it
    }
  }
}

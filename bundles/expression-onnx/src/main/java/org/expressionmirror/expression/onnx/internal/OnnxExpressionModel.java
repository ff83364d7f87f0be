package org.expressionmirror.expression.onnx.internal;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import ai.onnxruntime.TensorInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.expressionmirror.api.Box;
import org.expressionmirror.api.Distribution;
import org.expressionmirror.api.ExpressionModel;
import org.expressionmirror.api.Frame;
import org.expressionmirror.api.ModelInfo;
import org.expressionmirror.api.ModelInput;

/**
 * One loaded model: its session, its preprocessing and a reused input buffer. Calls are
 * serialised, so {@link #close()} never frees the session under a running inference; after close
 * a call fails with a message instead of touching freed native memory.
 */
final class OnnxExpressionModel implements ExpressionModel, AutoCloseable {
  private final ModelSpec spec;
  private final OrtEnvironment env;
  private final OrtSession session;
  private final Preprocessor preprocessor;
  private final InputPicture picture;
  private final FloatBuffer input;
  private final float[] output;
  private final ModelInfo info;
  /** Whether the graph leaves its batch size open, so the faces of a frame go in one call. */
  private final boolean batchable;
  /** The input of the last batch, reused while the number of faces stays the same. */
  private FloatBuffer batch;
  private boolean closed;

  OnnxExpressionModel(ModelSpec spec, OrtEnvironment env, OrtSession session) {
    this.spec = spec;
    this.env = env;
    this.session = session;
    this.preprocessor = new Preprocessor(spec);
    this.picture = new InputPicture(spec);
    int size = spec.width() * spec.height() * spec.channels();
    // Direct, so ONNX Runtime reads the tensor in place instead of copying it every frame.
    this.input = ByteBuffer.allocateDirect(size * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
    this.output = new float[spec.outputSize()];
    this.info =
        new ModelInfo(spec.id(), spec.version(), spec.canonical(), spec.source(), spec.licence(), spec.inputContract());
    this.batchable = openBatch(session, spec);
  }

  private static boolean openBatch(OrtSession session, ModelSpec spec) {
    try {
      return ((TensorInfo) session.getInputInfo().get(spec.inputName()).getInfo()).getShape()[0] < 0;
    } catch (OrtException | RuntimeException e) {
      return false; // then one face per call, which every model can do
    }
  }

  /** Whether several faces go through the network in one call. */
  boolean batchable() {
    return batchable;
  }

  /**
   * All faces of the frame in one inference ([N, ...] input) when the graph's batch size is open:
   * one call instead of N saves ONNX Runtime's per-call overhead.
   */
  @Override
  public synchronized List<Distribution> classify(Frame frame, List<Box> boxes) {
    if (!batchable || boxes.size() < 2) {
      return ExpressionModel.super.classify(frame, boxes);
    }
    int n = boxes.size();
    int size = input.capacity();
    if (batch == null || batch.capacity() != n * size) {
      batch = ByteBuffer.allocateDirect(n * size * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }
    for (int i = 0; i < n; i++) {
      preprocessor.fill(frame, boxes.get(i), batch.duplicate().position(i * size).slice());
    }
    long[] shape = spec.shape().clone();
    shape[0] = n;
    int each = spec.outputSize();
    float[] out = new float[n * each];
    try {
      run(batch, shape, out);
    } catch (OrtException e) {
      throw new IllegalStateException("model '" + spec.id() + "' failed on frame " + frame.index() + ": " + e.getMessage(), e);
    }
    List<Distribution> read = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      read.add(Distribution.of(spec.canonical(), probabilities(Arrays.copyOfRange(out, i * each, (i + 1) * each))));
    }
    return read;
  }

  @Override
  public ModelInfo info() {
    return info;
  }

  ModelSpec spec() {
    return spec;
  }

  @Override
  public synchronized Distribution classify(Frame frame, Box box) {
    preprocessor.fill(frame, box, input);
    try {
      run(input, spec.shape(), output);
    } catch (OrtException e) {
      throw new IllegalStateException("model '" + spec.id() + "' failed on frame " + frame.index() + ": " + e.getMessage(), e);
    }
    return Distribution.of(spec.canonical(), probabilities(output));
  }

  /** Also hands over the tensor just fed, read back from the same buffer, as pixels. */
  @Override
  public synchronized Distribution classify(Frame frame, Box box, Consumer<ModelInput> inputs) {
    Distribution d = classify(frame, box);
    inputs.accept(picture.of(input));
    return d;
  }

  /**
   * Runs one input tensor and copies the model's output (the named output only: extra heads are
   * never fetched) into {@code out}.
   */
  synchronized void run(FloatBuffer in, long[] shape, float[] out) throws OrtException {
    if (closed) {
      throw new IllegalStateException("model '" + spec.id() + "' has been removed");
    }
    in.rewind();
    try (OnnxTensor tensor = OnnxTensor.createTensor(env, in, shape);
        OrtSession.Result result = session.run(Map.of(spec.inputName(), tensor), Set.of(spec.outputName()))) {
      FloatBuffer values = ((OnnxTensor) result.get(0)).getFloatBuffer();
      if (values.remaining() != out.length) {
        throw new IllegalStateException(
            spec.file() + ": output '" + spec.outputName() + "' has " + values.remaining()
                + " values but the description lists " + describedValues(spec));
      }
      values.get(out);
    }
  }

  /** What the description says the output holds, for messages: "8 labels [..] + 2 extra values [..]". */
  static String describedValues(ModelSpec spec) {
    String labels = spec.labels().size() + " labels " + spec.labels();
    return spec.extraValues().isEmpty()
        ? labels
        : labels + " + " + spec.extraValues().size() + " extra values " + spec.extraValues();
  }

  /**
   * Softmax for logits; for probabilities only a renormalisation against rounding. Only the label
   * values take part: extra values after them (valence, arousal) are another head's outputs.
   */
  double[] probabilities(float[] raw) {
    double[] p = new double[spec.labels().size()];
    double sum = 0;
    if (spec.logits()) {
      double max = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < p.length; i++) {
        max = Math.max(max, raw[i]);
      }
      for (int i = 0; i < p.length; i++) {
        p[i] = Math.exp(raw[i] - max);
        sum += p[i];
      }
    } else {
      for (int i = 0; i < p.length; i++) {
        p[i] = Math.max(0, raw[i]);
        sum += p[i];
      }
    }
    if (!(sum > 0) || Double.isInfinite(sum)) {
      throw new IllegalStateException(
          "model '" + spec.id() + "' produced no usable output: " + java.util.Arrays.toString(Arrays.copyOf(raw, p.length)));
    }
    for (int i = 0; i < p.length; i++) {
      p[i] /= sum;
    }
    return p;
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      try {
        session.close();
      } catch (OrtException e) {
        // Nothing more to free; the session is gone either way.
      }
    }
  }
}

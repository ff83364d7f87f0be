package org.expressionmirror.expression.onnx.internal;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Loads a model from its description and proves it before anyone may use it: the description is
 * checked against the real ONNX inputs and outputs, the golden vectors must match within their
 * tolerance, and one warm-up run has been made. Every failure is a {@link ModelException} naming
 * the file and the mismatch.
 */
public final class ModelLoader {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final OrtEnvironment env;
  private final int intraOpThreads;
  private final Consumer<String> info;
  private final GoldenCache cache;
  private final Consumer<String> timing;

  ModelLoader(OrtEnvironment env, int intraOpThreads, Consumer<String> info) {
    this(env, intraOpThreads, info, GoldenCache.NONE, line -> {});
  }

  /**
   * @param cache golden checks passed before, by the sha256 of the model's files
   * @param timing receives one line per loaded model: where its load time went
   */
  ModelLoader(
      OrtEnvironment env, int intraOpThreads, Consumer<String> info, GoldenCache cache, Consumer<String> timing) {
    this.env = env;
    this.intraOpThreads = intraOpThreads;
    this.info = info;
    this.cache = cache;
    this.timing = timing;
  }

  /** The description at {@code path}, parsed and checked (no ONNX file is opened). */
  public static ModelSpec readSpec(Path path) throws ModelException {
    ModelDescription description;
    try {
      description = JSON.readValue(path.toFile(), ModelDescription.class);
    } catch (JsonProcessingException e) {
      throw new ModelException(path + ": not a valid model description: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new ModelException(path + ": cannot read: " + e.getMessage(), e);
    }
    return ModelSpec.of(path.toString(), description);
  }

  /** Files the model at {@code description} consists of, for change detection. */
  static List<Path> files(Path description, ModelSpec spec) {
    Path dir = description.toAbsolutePath().getParent();
    return spec.golden() == null
        ? List.of(description, dir.resolve(spec.file()))
        : List.of(description, dir.resolve(spec.file()), dir.resolve(spec.golden()));
  }

  OnnxExpressionModel load(Path description) throws ModelException {
    ModelSpec spec = readSpec(description);
    Path dir = description.toAbsolutePath().getParent();
    Path onnx = dir.resolve(spec.file());
    if (!Files.isRegularFile(onnx)) {
      throw new ModelException(description + ": model file " + onnx + " not found");
    }
    // Both the model file and the description that names it are in the message: either may be
    // the one to fix.
    long t0 = System.nanoTime();
    OrtSession session;
    try {
      session = open(onnx);
    } catch (ModelException e) {
      throw new ModelException(description.getFileName() + ": " + e.getMessage(), e.getCause());
    }
    OnnxExpressionModel model;
    try {
      model = new OnnxExpressionModel(spec, env, session);
    } catch (RuntimeException e) {
      closeQuietly(session);
      throw e;
    }
    try {
      try {
        checkContract(onnx, spec, session);
      } catch (ModelException e) {
        throw new ModelException(description.getFileName() + ": " + e.getMessage(), e.getCause());
      }
      long t1 = System.nanoTime();
      String golden = spec.golden() == null ? "none" : golden(model, description, onnx, dir.resolve(spec.golden()));
      long t2 = System.nanoTime();
      warmUp(model, onnx);
      long t3 = System.nanoTime();
      timing.accept(String.format(java.util.Locale.ROOT,
          "model '%s' ready in %.0f ms (session %.0f ms, golden check %s %.0f ms, warm-up %.0f ms)",
          spec.id(), ms(t0, t3), ms(t0, t1), golden, ms(t1, t2), ms(t2, t3)));
      return model;
    } catch (ModelException | RuntimeException e) {
      model.close();
      throw e;
    }
  }

  private static double ms(long from, long to) {
    return (to - from) / 1e6;
  }

  /**
   * The golden check, or its remembered pass for exactly these files under this runtime: "checked"
   * or "cached". The key is taken from the files as they are now; a file replaced while it loads
   * has a new stamp, so the models folder loads (and keys) it again at its next scan.
   */
  private String golden(OnnxExpressionModel model, Path description, Path onnx, Path goldenPath)
      throws ModelException {
    String key = cache.key(List.of(description, onnx, goldenPath));
    if (cache.passed(key)) {
      info.accept("golden vectors passed before (cached): model '" + model.spec().id() + "' (" + onnx.getFileName() + ")");
      return "cached";
    }
    cache.remember(key, checkGolden(model, onnx, goldenPath));
    return "checked";
  }

  private static void closeQuietly(OrtSession session) {
    try {
      session.close();
    } catch (OrtException e) {
      // The load already failed; that error is the one to report.
    }
  }

  private OrtSession open(Path onnx) throws ModelException {
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      // One pipeline thread classifies one face at a time; extra spinning threads would only
      // steal the cores the detector and the window need.
      options.setIntraOpNumThreads(intraOpThreads);
      // with more than one intra-op thread, idle ones sleep instead of spinning on a core
      options.addConfigEntry("session.intra_op.allow_spinning", "0");
      return env.createSession(onnx.toString(), options);
    } catch (OrtException e) {
      throw new ModelException(onnx + ": not an ONNX model ONNX Runtime can load: " + firstLine(e.getMessage()), e);
    }
  }

  /** The description's input and output against what the ONNX graph really has. */
  static void checkContract(Path onnx, ModelSpec spec, OrtSession session) throws ModelException {
    try {
      Map<String, NodeInfo> inputs = session.getInputInfo();
      NodeInfo in = inputs.get(spec.inputName());
      if (in == null) {
        throw new ModelException(onnx + ": has no input '" + spec.inputName() + "' (inputs: " + inputs.keySet() + ")");
      }
      long[] shape = tensorShape(onnx, in);
      if (!matches(shape, spec.shape())) {
        throw new ModelException(
            onnx + ": input '" + spec.inputName() + "' has shape " + Arrays.toString(shape)
                + " but the description says " + Arrays.toString(spec.shape()) + (spec.nchw() ? " (NCHW)" : " (NHWC)"));
      }
      Map<String, NodeInfo> outputs = session.getOutputInfo();
      NodeInfo out = outputs.get(spec.outputName());
      if (out == null) {
        throw new ModelException(onnx + ": has no output '" + spec.outputName() + "' (outputs: " + outputs.keySet() + ")");
      }
      long[] outShape = tensorShape(onnx, out);
      long count = 1;
      for (int i = 1; i < outShape.length; i++) {
        count *= outShape[i];
      }
      // Dynamic sizes (negative) are checked on the warm-up run instead.
      if (count > 0 && count != spec.outputSize()) {
        throw new ModelException(
            onnx + ": output '" + spec.outputName() + "' has " + count + " values " + Arrays.toString(outShape)
                + " but the description lists " + OnnxExpressionModel.describedValues(spec));
      }
    } catch (OrtException e) {
      throw new ModelException(onnx + ": cannot read its inputs and outputs: " + e.getMessage(), e);
    }
  }

  private static long[] tensorShape(Path onnx, NodeInfo node) throws ModelException {
    if (!(node.getInfo() instanceof TensorInfo t) || t.type != OnnxJavaType.FLOAT) {
      throw new ModelException(onnx + ": '" + node.getName() + "' is not a float tensor: " + node.getInfo());
    }
    return t.getShape();
  }

  /** Equal, where the model may leave a size open (-1, e.g. a dynamic batch). */
  private static boolean matches(long[] model, long[] described) {
    if (model.length != described.length) {
      return false;
    }
    for (int i = 0; i < model.length; i++) {
      if (model[i] >= 0 && model[i] != described[i]) {
        return false;
      }
    }
    return true;
  }

  /** Runs each golden input and rejects the model if any output is further off than allowed. */
  private String checkGolden(OnnxExpressionModel model, Path onnx, Path goldenPath) throws ModelException {
    ModelSpec spec = model.spec();
    GoldenFile golden;
    try {
      golden = JSON.readValue(goldenPath.toFile(), GoldenFile.class);
    } catch (IOException e) {
      throw new ModelException(goldenPath + ": not a readable golden file: " + firstLine(e.getMessage()), e);
    }
    if (golden.vectors() == null || golden.vectors().isEmpty()) {
      throw new ModelException(goldenPath + ": has no golden vectors");
    }
    double worst = 0;
    String worstAt = "";
    float[] out = new float[spec.outputSize()];
    for (GoldenFile.Vector v : golden.vectors()) {
      long[] shape = v.inputShape().stream().mapToLong(Long::longValue).toArray();
      if (!Arrays.equals(shape, spec.shape())) {
        throw new ModelException(goldenPath + ": vector '" + v.name() + "' has input shape " + Arrays.toString(shape)
            + " but the model takes " + Arrays.toString(spec.shape()));
      }
      FloatBuffer in = decode(goldenPath, v, spec);
      if (v.expected().size() != out.length) {
        throw new ModelException(goldenPath + ": vector '" + v.name() + "' expects " + v.expected().size()
            + " values but the model has " + OnnxExpressionModel.describedValues(spec));
      }
      try {
        model.run(in, shape, out);
      } catch (OrtException | IllegalStateException e) {
        throw new ModelException(onnx + ": fails on golden vector '" + v.name() + "': " + firstLine(e.getMessage()), e);
      }
      for (int i = 0; i < out.length; i++) {
        double diff = Math.abs(out[i] - v.expected().get(i));
        if (!(diff <= worst)) {
          worst = diff;
          worstAt = "vector '" + v.name() + "', output "
              + (i < spec.labels().size() ? spec.labels().get(i) : spec.extraValues().get(i - spec.labels().size()));
        }
      }
    }
    String summary = "model '" + spec.id() + "' (" + onnx.getFileName() + "): largest difference from the golden outputs "
        + String.format(java.util.Locale.ROOT, "%.3g", worst) + " at " + worstAt + ", tolerance " + golden.tolerance();
    if (!(worst <= golden.tolerance())) {
      throw new ModelException("rejected " + summary);
    }
    info.accept("golden vectors passed: " + summary);
    return summary;
  }

  private static FloatBuffer decode(Path goldenPath, GoldenFile.Vector v, ModelSpec spec) throws ModelException {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(v.input());
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new ModelException(goldenPath + ": vector '" + v.name() + "' input is not base64");
    }
    int count = spec.width() * spec.height() * spec.channels();
    if (bytes.length != count * Float.BYTES) {
      throw new ModelException(goldenPath + ": vector '" + v.name() + "' input has " + bytes.length
          + " bytes, expected " + count * Float.BYTES);
    }
    FloatBuffer in = ByteBuffer.allocateDirect(bytes.length).order(ByteOrder.nativeOrder()).asFloatBuffer();
    in.put(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer());
    return in;
  }

  /** First inferences allocate and plan; doing them now keeps that cost out of the first frames. */
  static void warmUp(OnnxExpressionModel model, Path onnx) throws ModelException {
    ModelSpec spec = model.spec();
    int count = spec.width() * spec.height() * spec.channels();
    FloatBuffer zeros = ByteBuffer.allocateDirect(count * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
    float[] out = new float[spec.outputSize()];
    try {
      for (int i = 0; i < 2; i++) {
        model.run(zeros, spec.shape(), out);
      }
    } catch (OrtException | IllegalStateException e) {
      throw new ModelException(onnx + ": warm-up run failed: " + firstLine(e.getMessage()), e);
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}

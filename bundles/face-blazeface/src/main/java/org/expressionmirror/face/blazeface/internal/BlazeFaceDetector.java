package org.expressionmirror.face.blazeface.internal;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.expressionmirror.api.Box;
import org.expressionmirror.api.Face;
import org.expressionmirror.api.Frame;
import org.expressionmirror.api.Keypoint;

/**
 * One BlazeFace model in an ONNX Runtime session: letterbox, run, decode, merge, map back to source
 * pixels. Plain Java so it can be tested without OSGi; the components wrap it.
 *
 * <p>Calls are serialised: the input and output buffers are reused every frame, and {@link
 * #close()} must not free the session under a running {@link #detect(Frame)}.
 */
final class BlazeFaceDetector implements AutoCloseable {
  private final Variant variant;
  private final OrtEnvironment environment;
  private final OrtSession session;
  private final String inputName;
  private final ModelHeads heads;
  private final InputTensor input;
  private final Decoder decoder;
  private final float[] logits;
  private final float[] boxes;
  // Replaced as a whole by a configuration change while frames are being detected.
  private volatile Settings settings;
  private boolean closed;

  BlazeFaceDetector(Variant variant, OrtEnvironment environment, byte[] model, Settings settings) {
    this.variant = variant;
    this.environment = environment;
    this.settings = settings;
    this.session = open(environment, model, variant);
    try {
      Map.Entry<String, NodeInfo> in = session.getInputInfo().entrySet().iterator().next();
      this.inputName = in.getKey();
      this.input = new InputTensor(inputSize(in.getValue(), variant));
      this.heads = ModelHeads.of(session.getOutputInfo(), variant);
      this.decoder = new Decoder(Anchors.of(input.size(), heads.lengths()));
      this.logits = new float[heads.total()];
      this.boxes = new float[heads.total() * Detection.LENGTH];
      warmUp();
    } catch (OrtException | RuntimeException e) {
      closeSession();
      throw e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
    }
  }

  /** The ONNX file of a variant from this bundle's resources. */
  static byte[] readModel(Variant variant) {
    try (InputStream in =
        BlazeFaceDetector.class.getClassLoader().getResourceAsStream(variant.resource())) {
      if (in == null) {
        throw new IllegalStateException(
            "BlazeFace model resource " + variant.resource() + " is missing");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read BlazeFace model " + variant.resource(), e);
    }
  }

  Variant variant() {
    return variant;
  }

  int inputSize() {
    return input.size();
  }

  Settings settings() {
    return settings;
  }

  /** Takes effect from the next frame; validation happened when {@code settings} was built. */
  void update(Settings settings) {
    this.settings = settings;
  }

  /** Faces in {@code frame}, strongest first, in source pixels. */
  List<Face> detect(Frame frame) {
    Settings s = settings;
    return detect(frame, s, s.scoreThreshold());
  }

  /** Faces in a region cut around a face found in the frame before: the region's threshold. */
  List<Face> detectNear(Frame region) {
    Settings s = settings;
    return detect(region, s, s.regionScoreThreshold());
  }

  private synchronized List<Face> detect(Frame frame, Settings s, float scoreThreshold) {
    if (closed) {
      throw new IllegalStateException(variant.id() + " detector is closed");
    }
    Letterbox letterbox = input.fill(frame);
    run();
    List<Detection> found =
        Nms.apply(
            decoder.decode(logits, boxes, scoreThreshold),
            s.nmsIouThreshold(),
            s.maxFaces(),
            s.weightedNms());
    return toFaces(found, letterbox);
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      closeSession();
    }
  }

  private void closeSession() {
    if (input != null) {
      input.close();
    }
    try {
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException(
          variant.id() + ": cannot close the session: " + e.getMessage(), e);
    }
  }

  private void run() {
    try (OnnxTensor tensor = OnnxTensor.createTensor(environment, input.buffer(), input.shape());
        OrtSession.Result result = session.run(Map.of(inputName, tensor))) {
      heads.copy(result, logits, boxes);
    } catch (OrtException e) {
      throw new IllegalStateException(variant.id() + ": inference failed: " + e.getMessage(), e);
    }
  }

  /** One inference at load time so the first real frame does not pay for ORT's lazy setup. */
  private void warmUp() {
    input.buffer();
    run();
  }

  static List<Face> toFaces(List<Detection> detections, Letterbox letterbox) {
    List<Face> faces = new ArrayList<>(detections.size());
    for (Detection d : detections) {
      Box box = toSource(d, letterbox).clip(letterbox.sourceWidth(), letterbox.sourceHeight());
      if (box.width() > 0 && box.height() > 0) {
        faces.add(new Face(box, d.score(), keypoints(d, letterbox)));
      }
    }
    return faces;
  }

  static Box toSource(Detection d, Letterbox letterbox) {
    int x0 = (int) Math.round(letterbox.toSourceX(d.cx() - d.width() / 2));
    int y0 = (int) Math.round(letterbox.toSourceY(d.cy() - d.height() / 2));
    int x1 = (int) Math.round(letterbox.toSourceX(d.cx() + d.width() / 2));
    int y1 = (int) Math.round(letterbox.toSourceY(d.cy() + d.height() / 2));
    return new Box(x0, y0, Math.max(0, x1 - x0), Math.max(0, y1 - y0));
  }

  private static List<Keypoint> keypoints(Detection d, Letterbox letterbox) {
    List<Keypoint> points = new ArrayList<>(Detection.KEYPOINTS);
    for (int k = 0; k < Detection.KEYPOINTS; k++) {
      points.add(
          new Keypoint(
              (float) letterbox.toSourceX(d.keypointX(k)),
              (float) letterbox.toSourceY(d.keypointY(k))));
    }
    return points;
  }

  private static OrtSession open(OrtEnvironment environment, byte[] model, Variant variant) {
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      // The converted graph carries unused initialisers; ORT warns about each on load.
      options.setSessionLogLevel(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      // A 128x128 graph is too small to share out: a second intra-op thread mostly spins and
      // takes the core the pipeline's other stage (decode, classify) runs on at the same time.
      options.setIntraOpNumThreads(1);
      // Between two frames (33 ms at camera rate) the intra-op threads would spin on an idle
      // core waiting for work; blocking costs microseconds per frame and frees that core.
      options.addConfigEntry("session.intra_op.allow_spinning", "0");
      return environment.createSession(model, options);
    } catch (OrtException e) {
      throw new IllegalArgumentException(
          "BlazeFace model " + variant.resource() + " cannot be loaded: " + e.getMessage(), e);
    }
  }

  private static int inputSize(NodeInfo info, Variant variant) {
    long[] shape = ((TensorInfo) info.getInfo()).getShape();
    if (shape.length != 4 || shape[1] != shape[2] || shape[3] != 3 || shape[1] <= 0) {
      throw new IllegalArgumentException(
          "BlazeFace model "
              + variant.resource()
              + ": expected an NHWC input [1, n, n, 3], got "
              + java.util.Arrays.toString(shape));
    }
    return (int) shape[1];
  }
}

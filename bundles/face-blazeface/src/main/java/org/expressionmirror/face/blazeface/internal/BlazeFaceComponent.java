package org.expressionmirror.face.blazeface.internal;

import java.util.List;
import java.util.Map;
import org.expressionmirror.api.Face;
import org.expressionmirror.api.FaceDetector;
import org.expressionmirror.api.Frame;
import org.expressionmirror.platform.onnxruntime.OnnxRuntime;

/**
 * The life of one BlazeFace variant as a component: load on activation, new settings on a
 * configuration change, close on deactivation. The DS annotations stay on the two subclasses
 * because bnd reads them only from the component class itself.
 */
abstract class BlazeFaceComponent implements FaceDetector {
  private final BlazeFaceDetector detector;

  BlazeFaceComponent(
      Variant variant, OnnxRuntime onnx, BlazeFaceConfig config, Map<String, Object> properties) {
    detector =
        new BlazeFaceDetector(
            variant,
            onnx.environment(),
            BlazeFaceDetector.readModel(variant),
            Settings.from(variant, config, properties));
  }

  /** A bad value throws here, before anything changed, so the previous settings stay in force. */
  final void reconfigure(BlazeFaceConfig config, Map<String, Object> properties) {
    detector.update(Settings.from(detector.variant(), config, properties));
  }

  final void close() {
    detector.close();
  }

  @Override
  public final List<Face> detect(Frame frame) {
    return detector.detect(frame);
  }

  @Override
  public final List<Face> detectNear(Frame region) {
    return detector.detectNear(region);
  }
}

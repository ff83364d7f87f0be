package org.expressionmirror.face.blazeface.internal;

import java.util.List;
import java.util.Map;
import org.expressionmirror.api.Face;
import org.expressionmirror.api.FaceDetector;
import org.expressionmirror.api.Frame;
import org.expressionmirror.platform.onnxruntime.OnnxRuntime;
import org.expressionmirror.platform.opencv.OpenCvRuntime;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

/**
 * BlazeFace back 256 as {@link FaceDetector} {@value #ID}. Immediate, so the model is loaded and
 * warmed up before anyone selects it, and stays loaded while another detector is in use. Shares the
 * configuration of the front model (designated there) with its own score threshold key.
 */
@Component(
    service = FaceDetector.class,
    immediate = true,
    configurationPid = BlazeFaceConfig.PID,
    property = {
      FaceDetector.ID + "=" + BackBlazeFace.ID,
      FaceDetector.VERSION + "=" + BackBlazeFace.VERSION
    })
public final class BackBlazeFace implements FaceDetector {
  static final String ID = "blazeface-back";
  static final String VERSION = "1.2.0-back256";

  private final BlazeFaceDetector detector;

  /** The OpenCV reference only orders the start: OpenCV natives must be loaded first. */
  @Activate
  public BackBlazeFace(
      @Reference(name = "onnxRuntime") OnnxRuntime onnx,
      @Reference(name = "openCvRuntime") OpenCvRuntime openCv,
      BlazeFaceConfig config,
      Map<String, Object> properties) {
    Variant v = Variant.BACK_256;
    detector =
        new BlazeFaceDetector(
            v,
            onnx.environment(),
            BlazeFaceDetector.readModel(v),
            Settings.from(v, config, properties));
  }

  /** A bad value throws here, before anything changed, so the previous settings stay in force. */
  @Modified
  void modified(BlazeFaceConfig config, Map<String, Object> properties) {
    detector.update(Settings.from(detector.variant(), config, properties));
  }

  @Deactivate
  void deactivate() {
    detector.close();
  }

  @Override
  public List<Face> detect(Frame frame) {
    return detector.detect(frame);
  }
}

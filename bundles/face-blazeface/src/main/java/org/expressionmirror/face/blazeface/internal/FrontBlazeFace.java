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
import org.osgi.service.metatype.annotations.Designate;

/**
 * BlazeFace front 128 as {@link FaceDetector} {@value #ID}. Immediate, so the model is loaded and
 * warmed up before anyone selects it, and stays loaded while another detector is in use.
 */
@Component(
    service = FaceDetector.class,
    immediate = true,
    configurationPid = BlazeFaceConfig.PID,
    property = {
      FaceDetector.ID + "=" + FrontBlazeFace.ID,
      FaceDetector.VERSION + "=" + FrontBlazeFace.VERSION
    })
@Designate(ocd = BlazeFaceConfig.class)
public final class FrontBlazeFace implements FaceDetector {
  static final String ID = "blazeface";
  static final String VERSION = "1.2.0-front128";

  private final BlazeFaceDetector detector;

  /** The OpenCV reference only orders the start: OpenCV natives must be loaded first. */
  @Activate
  public FrontBlazeFace(
      @Reference(name = "onnxRuntime") OnnxRuntime onnx,
      @Reference(name = "openCvRuntime") OpenCvRuntime openCv,
      BlazeFaceConfig config,
      Map<String, Object> properties) {
    Variant v = Variant.FRONT_128;
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

package org.expressionmirror.face.blazeface.internal;

import java.util.Map;
import org.expressionmirror.api.FaceDetector;
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
public final class FrontBlazeFace extends BlazeFaceComponent {
  static final String ID = "blazeface";
  static final String VERSION = "1.2.0-front128";

  /** The OpenCV reference only orders the start: OpenCV natives must be loaded first. */
  @Activate
  public FrontBlazeFace(
      @Reference(name = "onnxRuntime") OnnxRuntime onnx,
      @Reference(name = "openCvRuntime") OpenCvRuntime openCv,
      BlazeFaceConfig config,
      Map<String, Object> properties) {
    super(Variant.FRONT_128, onnx, config, properties);
  }

  @Modified
  void modified(BlazeFaceConfig config, Map<String, Object> properties) {
    reconfigure(config, properties);
  }

  @Deactivate
  void deactivate() {
    close();
  }
}

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
      FaceDetector.VERSION + "=" + BackBlazeFace.VERSION,
      // the pipeline's region passes look only at a crop about twice a face's size, where the
      // face fills much of the image: the front 128 model's own case, at a quarter of the pixels
      // of this model's 256x256 input (records say "foundBy":"blazeface" for those faces)
      BackBlazeFace.REGION_PARTNER + "=" + FrontBlazeFace.ID
    })
public final class BackBlazeFace extends BlazeFaceComponent {
  static final String ID = "blazeface-back";
  static final String VERSION = "1.2.0-back256";
  /** The pipeline's service property naming the detector of a detector's region passes. */
  static final String REGION_PARTNER = "detector.region";

  /** The OpenCV reference only orders the start: OpenCV natives must be loaded first. */
  @Activate
  public BackBlazeFace(
      @Reference(name = "onnxRuntime") OnnxRuntime onnx,
      @Reference(name = "openCvRuntime") OpenCvRuntime openCv,
      BlazeFaceConfig config,
      Map<String, Object> properties) {
    super(Variant.BACK_256, onnx, config, properties);
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

package org.expressionmirror.face.haar.internal;

import java.util.List;
import org.expressionmirror.api.Face;
import org.expressionmirror.api.FaceDetector;
import org.expressionmirror.api.Frame;
import org.expressionmirror.face.haar.HaarDetectors;
import org.expressionmirror.platform.opencv.OpenCvRuntime;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The Haar face detector with haarcascade_frontalface_alt. Immediate, so the cascade is parsed once at
 * start; configuration as {@link CascadeDetector} says (the keys of {@link HaarConfig}).
 */
@Component(
    service = FaceDetector.class,
    immediate = true,
    configurationPid = HaarDetectors.ALT_PID,
    property = {
      FaceDetector.ID + "=" + HaarDetectors.ALT_ID,
      FaceDetector.VERSION + "=" + CascadeDetector.OPENCV_VERSION
    })
@Designate(ocd = HaarConfig.class)
public final class HaarAltDetector implements FaceDetector {
  private final CascadeDetector detector;

  @Activate
  public HaarAltDetector(
      HaarConfig config,
      @Reference OpenCvRuntime openCv,
      @Reference(service = LoggerFactory.class) Logger logger) {
    this.detector = new CascadeDetector(Cascade.FRONTAL_ALT, config, openCv, logger);
  }

  @Modified
  void modified(HaarConfig config) {
    detector.modified(config);
  }

  @Override
  public List<Face> detect(Frame frame) {
    return detector.detect(frame);
  }
}

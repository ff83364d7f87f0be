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
 * The Haar face detector (haarcascade_frontalface_default) as a service. Immediate, so the
 * cascade is parsed once at start and a swap back to this detector is instant. Configuration as
 * {@link CascadeDetector} says; settings apply from the next frame on.
 */
@Component(
    service = FaceDetector.class,
    immediate = true,
    configurationPid = HaarDetectors.PID,
    property = {
      FaceDetector.ID + "=" + HaarDetectors.ID,
      FaceDetector.VERSION + "=" + CascadeDetector.OPENCV_VERSION
    })
@Designate(ocd = HaarConfig.class)
public final class HaarFaceDetector implements FaceDetector {
  static final String OPENCV_VERSION = CascadeDetector.OPENCV_VERSION;

  private final CascadeDetector detector;

  @Activate
  public HaarFaceDetector(
      HaarConfig config,
      @Reference OpenCvRuntime openCv,
      @Reference(service = LoggerFactory.class) Logger logger) {
    this.detector = new CascadeDetector(Cascade.FRONTAL_DEFAULT, config, openCv, logger);
  }

  @Modified
  void modified(HaarConfig config) {
    detector.modified(config);
  }

  HaarSettings settings() {
    return detector.settings();
  }

  @Override
  public List<Face> detect(Frame frame) {
    return detector.detect(frame);
  }
}

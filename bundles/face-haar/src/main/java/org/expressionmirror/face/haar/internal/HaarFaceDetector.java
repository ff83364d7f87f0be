package org.expressionmirror.face.haar.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
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
 * The Haar face detector as a service. Immediate, so the cascade is parsed once at start and a
 * swap back to this detector is instant.
 *
 * <p>Configuration: an invalid initial configuration fails activation (the constructor throws and
 * names the key and value). A later invalid change is rejected in {@link #modified} and the
 * previous settings stay in use, so a typo in a watched config file never takes the detector away
 * from a running pipeline. Settings are applied from the next frame on.
 */
@Component(
    service = FaceDetector.class,
    immediate = true,
    configurationPid = HaarDetectors.PID,
    property = {
      FaceDetector.ID + "=" + HaarDetectors.ID,
      FaceDetector.VERSION + "=" + HaarFaceDetector.OPENCV_VERSION
    })
@Designate(ocd = HaarConfig.class)
public final class HaarFaceDetector implements FaceDetector {
  /**
   * The OpenCV version of the openpnp build this detector is made for; a service property must be
   * a compile-time constant, and a unit test checks it against the loaded natives.
   */
  static final String OPENCV_VERSION = "4.9.0";

  private final HaarCascade cascade;
  private final Logger logger;
  // Volatile, not final: replaced whole by a valid new configuration, kept on an invalid one.
  private volatile HaarSettings settings;

  @Activate
  public HaarFaceDetector(
      HaarConfig config,
      @Reference OpenCvRuntime openCv,
      @Reference(service = LoggerFactory.class) Logger logger) {
    this.settings = HaarSettings.of(config);
    this.logger = logger;
    try {
      this.cascade = HaarCascade.load();
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
    if (!OPENCV_VERSION.equals(openCv.version())) {
      logger.warn("detector.version says OpenCV {} but {} is loaded", OPENCV_VERSION, openCv.version());
    }
  }

  @Modified
  void modified(HaarConfig config) {
    try {
      settings = HaarSettings.of(config);
    } catch (IllegalArgumentException e) {
      logger.error("{}; keeping the previous settings {}", e.getMessage(), settings);
    }
  }

  HaarSettings settings() {
    return settings;
  }

  @Override
  public List<Face> detect(Frame frame) {
    return cascade.detect(frame, settings);
  }
}

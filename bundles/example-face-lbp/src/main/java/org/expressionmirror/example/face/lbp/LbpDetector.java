package org.expressionmirror.example.face.lbp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.expressionmirror.api.Face;
import org.expressionmirror.api.FaceDetector;
import org.expressionmirror.api.Frame;
import org.expressionmirror.platform.opencv.OpenCvRuntime;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Detector {@code lbp}: OpenCV's lbpcascade_frontalface_improved (local binary patterns: integer
 * features, faster than Haar's). Immediate, so the cascade is parsed once when the bundle starts
 * and a switch to it costs no frame. The reference to {@link OpenCvRuntime} makes sure the
 * platform bundle has loaded OpenCV's natives before any OpenCV class is used here.
 */
@Component(
    service = FaceDetector.class,
    immediate = true,
    configurationPid = LbpDetector.PID,
    property = {FaceDetector.ID + "=" + LbpDetector.ID, FaceDetector.VERSION + "=" + LbpDetector.VERSION})
@Designate(ocd = LbpConfig.class)
public final class LbpDetector implements FaceDetector {
  /** Value of {@code detector.id}. */
  public static final String ID = "lbp";

  /** Config Admin PID (file runtime-config/mirror.detector.lbp.cfg). */
  public static final String PID = "mirror.detector.lbp";

  /** The OpenCV version whose cascade and classifier this is (a unit test checks it). */
  static final String VERSION = "4.9.0";

  private final LbpCascade cascade;
  private final Logger logger;
  // Volatile, not final: replaced whole by a valid new configuration, kept on an invalid one.
  private volatile LbpSettings settings;

  /** Fails, naming PID, key and value, when the configuration is out of range. */
  @Activate
  public LbpDetector(
      LbpConfig config,
      @Reference OpenCvRuntime openCv,
      @Reference(service = LoggerFactory.class) Logger logger) {
    this.settings = LbpSettings.of(config);
    this.logger = logger;
    try {
      this.cascade = LbpCascade.load();
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
    if (!VERSION.equals(openCv.version())) {
      logger.warn("detector.version says OpenCV {} but {} is loaded", VERSION, openCv.version());
    }
    // Runs the per-frame code once, so each class it needs is loaded now: the pipeline may still
    // call this detector in the moment its bundle is being uninstalled, when this bundle can
    // load no class any more.
    cascade.detect(new Frame(0, 0, 64, 64, new byte[64 * 64 * 3]), settings);
  }

  @Modified
  void modified(LbpConfig config) {
    try {
      settings = LbpSettings.of(config);
    } catch (IllegalArgumentException e) {
      logger.error("{}; keeping the previous settings {}", e.getMessage(), settings);
    }
  }

  LbpSettings settings() {
    return settings;
  }

  /** Faces in source pixels; the frame is not kept. */
  @Override
  public List<Face> detect(Frame frame) {
    return cascade.detect(frame, settings);
  }
}

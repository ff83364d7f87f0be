package org.expressionmirror.face.haar.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.expressionmirror.api.Face;
import org.expressionmirror.api.Frame;
import org.expressionmirror.platform.opencv.OpenCvRuntime;
import org.osgi.service.log.Logger;

/**
 * What every cascade detector component does: load its cascade once, keep valid settings and
 * detect with them. An invalid initial configuration fails construction (naming PID, key and
 * value); a later invalid change is logged and the previous settings stay in use, so a typo in
 * a watched config file never takes the detector away from a running pipeline.
 */
final class CascadeDetector {
  /**
   * The OpenCV version of the openpnp build these detectors are made for; a service property must
   * be a compile-time constant, and a unit test checks it against the loaded natives.
   */
  static final String OPENCV_VERSION = "4.9.0";

  private final Cascade kind;
  private final HaarCascade cascade;
  private final Logger logger;
  // Volatile, not final: replaced whole by a valid new configuration, kept on an invalid one.
  private volatile HaarSettings settings;

  CascadeDetector(Cascade kind, HaarConfig config, OpenCvRuntime openCv, Logger logger) {
    this.kind = kind;
    this.settings = HaarSettings.of(config, kind.pid);
    this.logger = logger;
    try {
      this.cascade = HaarCascade.load(kind);
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
    if (!OPENCV_VERSION.equals(openCv.version())) {
      logger.warn("detector.version says OpenCV {} but {} is loaded", OPENCV_VERSION, openCv.version());
    }
  }

  void modified(HaarConfig config) {
    try {
      settings = HaarSettings.of(config, kind.pid);
    } catch (IllegalArgumentException e) {
      logger.error("{}; keeping the previous settings {}", e.getMessage(), settings);
    }
  }

  HaarSettings settings() {
    return settings;
  }

  List<Face> detect(Frame frame) {
    return cascade.detect(frame, settings, kind.alsoMirrored);
  }
}

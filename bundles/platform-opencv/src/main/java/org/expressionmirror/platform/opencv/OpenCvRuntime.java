package org.expressionmirror.platform.opencv;

/**
 * Present as a service once the OpenCV natives are loaded. Components that call OpenCV reference
 * it, so they start only when OpenCV is usable.
 */
public interface OpenCvRuntime {
  /** The OpenCV version of the loaded natives, e.g. {@code 4.9.0}. */
  String version();
}

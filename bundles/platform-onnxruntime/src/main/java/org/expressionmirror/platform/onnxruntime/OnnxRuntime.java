package org.expressionmirror.platform.onnxruntime;

import ai.onnxruntime.OrtEnvironment;

/**
 * ONNX Runtime, loaded and ready. Registered once the natives are loaded; consumers create their
 * sessions from {@link #environment()} and close those sessions themselves.
 */
public interface OnnxRuntime {
  /** The process-wide ONNX Runtime environment; never close it. */
  OrtEnvironment environment();

  /** The ONNX Runtime version, e.g. {@code 1.29.0}. */
  String version();
}

package org.expressionmirror.capture.opencv.internal;

import java.lang.annotation.Annotation;

/** A {@link CaptureConfig} as Config Admin would hand it over. */
@SuppressWarnings("all")
record TestConfig(String ffmpeg) implements CaptureConfig {
  static final TestConfig DEFAULT = new TestConfig(FfmpegTools.DEFAULT);

  @Override
  public Class<? extends Annotation> annotationType() {
    return CaptureConfig.class;
  }
}

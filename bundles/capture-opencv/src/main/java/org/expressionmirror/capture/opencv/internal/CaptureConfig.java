package org.expressionmirror.capture.opencv.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
    name = "Capture",
    description =
        "Frame sources: cameras, video files, images; PID "
            + OpenCvFrameSourceFactory.PID
            + ". An invalid value is rejected with a logged error and the previous (at start: the"
            + " default) stays in use.")
public @interface CaptureConfig {
  @AttributeDefinition(
      description =
          "The ffmpeg program that decodes the videos OpenCV cannot (all but Motion-JPEG .avi);"
              + " ffprobe is taken from the same folder (default ffmpeg, found on the PATH when"
              + " opening a video). A path must be an executable file whose name contains"
              + " 'ffmpeg', with ffprobe next to it.")
  String ffmpeg() default FfmpegTools.DEFAULT;
}

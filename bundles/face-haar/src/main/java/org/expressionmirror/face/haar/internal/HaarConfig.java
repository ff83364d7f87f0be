package org.expressionmirror.face.haar.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
    name = "Face detector: cascade",
    description =
        "OpenCV CascadeClassifier; PIDs mirror.detector.haar (haarcascade_frontalface_default),"
            + " mirror.detector.haar-alt, mirror.detector.haar-alt2 and mirror.detector.haar-profile."
            + " A new value that is out of range is rejected and the"
            + " previous settings stay.")
public @interface HaarConfig {
  @AttributeDefinition(
      description =
          "Image pyramid step (default 1.3, the textbook's). Greater than 1; smaller finds more"
              + " faces and costs more time.")
  double scaleFactor() default 1.3;

  @AttributeDefinition(
      description =
          "Overlapping raw hits a face needs (default 5, the textbook's). 0 or more; higher gives"
              + " fewer false faces.")
  int minNeighbors() default 5;

  @AttributeDefinition(
      description = "Smallest face reported, in source pixels (default 40). 0 or more.")
  int minFaceSize() default 40;

  @AttributeDefinition(
      description =
          "Frames wider than this many pixels are scaled down to it before detection (default"
              + " 640); boxes are still in source pixels. 0 = never scale; else at least "
              + HaarSettings.MIN_DETECTION_WIDTH
              + ".")
  int detectionWidth() default 640;
}

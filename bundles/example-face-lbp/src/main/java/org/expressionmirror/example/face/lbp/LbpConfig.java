package org.expressionmirror.example.face.lbp;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
    name = "Face detector: LBP cascade (example)",
    description =
        "OpenCV's lbpcascade_frontalface_improved; PID mirror.detector.lbp, the same keys and"
            + " defaults as mirror.detector.haar. A new value that is out of range is rejected and"
            + " the previous settings stay.")
public @interface LbpConfig {
  @AttributeDefinition(
      description = "Image pyramid step (default 1.3). Greater than 1; smaller finds more faces and costs more time.")
  double scaleFactor() default 1.3;

  @AttributeDefinition(
      description = "Overlapping raw hits a face needs (default 5). 0 or more; higher gives fewer false faces.")
  int minNeighbors() default 5;

  @AttributeDefinition(description = "Smallest face reported, in source pixels (default 40). 0 or more.")
  int minFaceSize() default 40;

  @AttributeDefinition(
      description =
          "Frames wider than this many pixels are scaled down to it before detection (default"
              + " 640); boxes are still in source pixels. 0 = never scale; else at least 48.")
  int detectionWidth() default 640;
}

package org.expressionmirror.face.haar.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
    name = "Face detector: chain",
    description =
        "Detectors tried in order until one finds a face; each face of the record names the link"
            + " that found it (foundBy). PID mirror.detector.chain. A new value that names no"
            + " detector is rejected and the previous links stay.")
public @interface ChainConfig {
  @AttributeDefinition(
      description =
          "Detector ids tried in order, separated by commas (default haar,haar-alt,haar-alt2,"
              + "haar-profile). Each must be the id of a detector that exists, other than chain,"
              + " and appear once.")
  String[] links() default {"haar", "haar-alt", "haar-alt2", "haar-profile"};
}

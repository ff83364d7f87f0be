package org.expressionmirror.example.smoothing.median;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
    name = "Expression smoothing: median (example)",
    description =
        "Per-label median of each face's last readings; PID mirror.smoother.median. A new value"
            + " that is out of range is rejected and the previous one stays.")
public @interface MedianConfig {
  @AttributeDefinition(
      description =
          "Readings the median is taken over (default 5: a spike of up to 2 frames never shows)."
              + " From 1 (no smoothing) to " + MedianSmoother.MAX_WINDOW + ".")
  int windowSize() default 5;
}

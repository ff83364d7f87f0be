package org.expressionmirror.smoothing.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
    name = "Expression smoothing: sliding window",
    description = "Mean of each face's scores over a window of source time; PID mirror.smoother.window.")
public @interface WindowConfig {
  @AttributeDefinition(
      description = "Length of the window in seconds of source time (default 1.0). Positive and finite.")
  double windowSeconds() default 1.0;
}

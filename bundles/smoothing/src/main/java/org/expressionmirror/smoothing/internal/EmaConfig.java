package org.expressionmirror.smoothing.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
    name = "Expression smoothing: exponential moving average",
    description = "Blends each face's scores over source time; PID mirror.smoother.ema.")
public @interface EmaConfig {
  @AttributeDefinition(
      description =
          "Seconds after which an old reading counts half as much (default 0.5). Longer is"
              + " calmer, shorter follows the face faster. Positive and finite.")
  double halfLifeSeconds() default 0.5;
}

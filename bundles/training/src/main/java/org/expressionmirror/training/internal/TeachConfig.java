package org.expressionmirror.training.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
    name = "Teach mode",
    description = "Teaching the mirror one person's expressions in the window; PID mirror.teach. Optional: the defaults fit a webcam.")
public @interface TeachConfig {
  @AttributeDefinition(description = "Backbone model id whose frozen features the personal head learns from (default faceapi-expression).")
  String backbone() default "faceapi-expression";

  @AttributeDefinition(description = "Samples an expression needs to take part in training, 2 to 10000 (default 10: a 3 s hold at a few frames a second).")
  int minimumPerExpression() default 10;

  @AttributeDefinition(description = "Samples kept per expression, from the minimum to 10000; beyond it the oldest go (default 300).")
  int maximumPerExpression() default 300;

  @AttributeDefinition(description = "Cross-validation folds wanted, 2 to 100; fewer when an expression has fewer samples (default 5).")
  int folds() default 5;

  @AttributeDefinition(description = "L2 weight of the personal head, 0 or more (default 1e-3, as train's).")
  double l2() default 1e-3;
}

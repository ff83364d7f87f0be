package org.expressionmirror.expression.ensemble.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
    name = "Expression model ensemble",
    description = "Averages the distributions of chosen expression models; factory PID mirror.ensemble.")
public @interface EnsembleConfig {
  @AttributeDefinition(description = "model.id of the ensemble, used to select it (default ensemble).")
  String id() default "ensemble";

  @AttributeDefinition(
      description = "Member model ids, at least two (a list, or one comma-separated value as in a .cfg file). "
          + "The ensemble is registered only while all of them are.")
  String[] members() default {};

  @AttributeDefinition(
      description = "Positive weight per member, same order (default: empty = equal weights); normalised to sum 1.")
  String[] weights() default {};
}

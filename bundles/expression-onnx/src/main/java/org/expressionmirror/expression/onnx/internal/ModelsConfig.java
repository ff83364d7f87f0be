package org.expressionmirror.expression.onnx.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
    name = "Expression models folder",
    description = "Folder of model descriptions (*.json) and ONNX files, watched while the program runs; PID mirror.models.")
public @interface ModelsConfig {
  @AttributeDefinition(
      description = "Models folder. Empty (the default) means the framework property mirror.models.dir.")
  String dir() default "";

  @AttributeDefinition(
      description = "ONNX Runtime intra-op threads per model (default 1: one face at a time on the pipeline thread).")
  int intraOpThreads() default 1;

  @AttributeDefinition(
      description = "Milliseconds between two looks at the folder for added, changed or removed models (default 1000).")
  long rescanMillis() default 1000;
}

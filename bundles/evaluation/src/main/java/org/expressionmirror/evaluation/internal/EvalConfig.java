package org.expressionmirror.evaluation.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
    name = "Expression model evaluation",
    description = "One evaluation run over a labelled image folder; PID mirror.eval. The launcher's eval command writes it.")
public @interface EvalConfig {
  @AttributeDefinition(
      description = "Dataset folder with one subfolder of images per label (angry/, happy/, ...), or a FER+ label.csv (or a folder holding one) with the images beside it.")
  String dataset();

  @AttributeDefinition(
      description = "Model id. Empty (the default) means faceapi-expression when its description is in the models folder, else minixception-fer2013.")
  String model() default "";

  @AttributeDefinition(description = "A second model id to compare with the first on the same images; empty (the default) evaluates one model.")
  String compare() default "";

  @AttributeDefinition(
      description = "Leave out label folders whose name is not a label or whose label the model (either model) lacks, and list them, instead of stopping on an unknown folder or counting the images wrong (default false).")
  boolean skipUnknownLabels() default false;

  @AttributeDefinition(
      description = "How a FER+ label.csv's votes become labels: ferplus (the default; FERPlus's majority rule: votes of 1 dropped, the top label needs more than half of the rest) or plurality (the most votes; a tie at the top leaves the image out). Images whose label would be unknown or not-a-face are left out either way.")
  String labelRule() default "ferplus";

  @AttributeDefinition(description = "Detector id (haar, blazeface, blazeface-back) or none: the whole image is the face (default none).")
  String detector() default "none";

  @AttributeDefinition(description = "JSON report file; empty (the default) prints the table only.")
  String out() default "";

  @AttributeDefinition(description = "Seconds to wait for the model and detector services to appear (default 20).")
  int waitSeconds() default 20;

  @AttributeDefinition(description = "Ask the program to exit when the run ends: 0, or 2 after an error (default true).")
  boolean exitAtEnd() default true;
}

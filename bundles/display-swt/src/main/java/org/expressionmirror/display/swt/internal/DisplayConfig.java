package org.expressionmirror.display.swt.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code mirror.display}: how the window shows what the pipeline found. */
@ObjectClassDefinition(
    name = "Expression Mirror window",
    description = "How the mirror window shows the image and the readings.")
@interface DisplayConfig {
  @AttributeDefinition(description = "Show the image flipped left to right, like a mirror (default true).")
  boolean mirrored() default true;

  @AttributeDefinition(
      description =
          "Show readings for the largest face only; other faces get a plain frame (default false).")
  boolean onlyMyFace() default false;

  @AttributeDefinition(
      description =
          "Show beside each face the exact input the model received: its crop after alignment,"
              + " resize, colour and normalisation, mapped back to pixels (default false).")
  boolean modelInput() default false;
}

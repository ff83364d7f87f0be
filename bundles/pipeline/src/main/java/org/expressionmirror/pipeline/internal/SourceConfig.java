package org.expressionmirror.pipeline.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** What the pipeline reads; PID {@code mirror.source}, set by the launcher or the window. */
@ObjectClassDefinition(
    name = "Expression Mirror source",
    description = "The camera, video file, image or folder the pipeline reads.")
public @interface SourceConfig {
  @AttributeDefinition(description = "camera:N, or the path of a video, an image or a folder of images")
  String source() default "camera:0";

  @AttributeDefinition(description = "Pace a file at its own frame rate and drop frames like a camera")
  boolean realtime() default false;

  @AttributeDefinition(
      description = "For a folder: read the images of its subfolders too, in name order (default false)")
  boolean recursive() default false;

  @AttributeDefinition(description = "Stop the program when the source ends (batch runs)")
  boolean exitAtEnd() default false;
}

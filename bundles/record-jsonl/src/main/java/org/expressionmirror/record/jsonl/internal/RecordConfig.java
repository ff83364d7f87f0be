package org.expressionmirror.record.jsonl.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Where to write the record; PID {@code mirror.record.jsonl}. Without it nothing is written. */
@ObjectClassDefinition(
    name = "Expression Mirror JSON Lines record",
    description = "Writes one JSON object of numbers per processed frame. Never images.")
public @interface RecordConfig {
  @AttributeDefinition(description = "File to write; it appears complete when the run or the log ends")
  String path();

  @AttributeDefinition(description = "Whether to write at all (the window's log switch)")
  boolean enabled() default true;
}

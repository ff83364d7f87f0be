package org.expressionmirror.endpoint.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Limits of the endpoint; PID {@code mirror.endpoint}. The address and port are Felix HTTP's
 * ({@code org.osgi.service.http.host}, {@code org.osgi.service.http.port}, set by the api feature).
 */
@ObjectClassDefinition(
    name = "Expression Mirror HTTP endpoint",
    description = "POST an image to /api/expressions and get its faces and expressions as JSON.")
public @interface EndpointConfig {
  String PID = "mirror.endpoint";

  @AttributeDefinition(description = "Largest request body accepted, in MiB (1 MiB = 1048576 bytes); a larger one gets 413")
  double maxBodyMegabytes() default 8;

  @AttributeDefinition(description = "Largest decoded image accepted, in millions of pixels; a larger one gets 413")
  double maxMegapixels() default 24;
}

package ${package};

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The component's settings, read from runtime-config/${pid}.cfg (one key=value line each) and
 * changed while the mirror runs. Each default is the value used when the file does not set it.
 */
@ObjectClassDefinition(name = "${componentId} (${kind})", description = "PID ${pid}.")
public @interface ${className}Config {
#if( $kind == "detector" )
  @AttributeDefinition(
      description = "Size of the one face reported, as a fraction of the frame's smaller side (default 0.5). Above 0, at most 1.")
  double boxFraction() default 0.5;
#elseif( $kind == "model" )
  @AttributeDefinition(
      description = "Mean grey level (0-255) above which the face reads as happiness rather than neutral (default 128). From 0 to 255.")
  double brightAbove() default 128;
#else
  @AttributeDefinition(
      description = "Weight of the newest reading (default 0.5). Above 0, at most 1: 1 = no smoothing.")
  double alpha() default 0.5;
#end
}

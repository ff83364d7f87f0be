package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
#if( $kind == "detector" )
import org.expressionmirror.api.Box;
import org.expressionmirror.api.Face;
import org.expressionmirror.api.Frame;
#elseif( $kind == "model" )

import org.expressionmirror.api.Box;
import org.expressionmirror.api.Distribution;
import org.expressionmirror.api.Frame;
#else
import java.util.Map;
import org.expressionmirror.api.Distribution;
import org.expressionmirror.api.Smoother;
#end
import org.junit.jupiter.api.Test;
import org.osgi.service.log.Logger;

/** The component as the mirror uses it: built with a configuration, then called. */
class ${className}Test {
#if( $kind == "detector" )
  @Test
  void reportsOneCentredFaceInSourcePixels() {
    List<Face> faces = component(0.5, new ArrayList<>()).detect(new Frame(0, 0, 640, 480, new byte[640 * 480 * 3]));
    assertEquals(List.of(new Box(200, 120, 240, 240)), faces.stream().map(Face::box).toList());
  }

  @Test
  void aBadValueNamesPidKeyAndValueAndAChangeToItIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> component(0, new ArrayList<>()));
    assertEquals(${className}.PID + ": boxFraction must be above 0 and at most 1, got 0.0", e.getMessage());
    List<String> errors = new ArrayList<>();
    ${className} detector = component(0.5, errors);
    detector.modified(config(2));
    assertEquals(1, errors.size());
    assertTrue(errors.get(0).contains("boxFraction"), errors.get(0));
    Frame frame = new Frame(0, 0, 100, 100, new byte[100 * 100 * 3]);
    assertEquals(50, detector.detect(frame).get(0).box().width());
  }
#elseif( $kind == "model" )
  @Test
  void aBrightFaceReadsAsHappinessADarkOneAsNeutral() {
    ${className} model = component(128, new ArrayList<>());
    byte[] pixels = new byte[100 * 100 * 3];
    Arrays.fill(pixels, (byte) 200);
    Distribution bright = model.classify(new Frame(0, 0, 100, 100, pixels), new Box(10, 10, 50, 50));
    assertEquals("happiness", bright.top(1).get(0).getKey());
    Arrays.fill(pixels, (byte) 30);
    Distribution dark = model.classify(new Frame(1, 40, 100, 100, pixels), new Box(10, 10, 50, 50));
    assertEquals("neutral", dark.top(1).get(0).getKey());
    assertEquals(${className}.ID, model.info().id());
  }

  @Test
  void aBadValueNamesPidKeyAndValueAndAChangeToItIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> component(300, new ArrayList<>()));
    assertEquals(${className}.PID + ": brightAbove must be from 0 to 255, got 300.0", e.getMessage());
    List<String> errors = new ArrayList<>();
    component(128, errors).modified(config(-1));
    assertEquals(1, errors.size());
    assertTrue(errors.get(0).contains("brightAbove"), errors.get(0));
  }
#else
  private static final Distribution HAPPY = new Distribution(Map.of("happiness", 1.0, "neutral", 0.0));
  private static final Distribution NEUTRAL = new Distribution(Map.of("happiness", 0.0, "neutral", 1.0));

  @Test
  void followsANewReadingByAlpha() {
    Smoother.Track track = component(0.5, new ArrayList<>()).newTrack();
    assertEquals(1.0, track.update(0, HAPPY).get("happiness"), 1e-12);
    assertEquals(0.5, track.update(40, NEUTRAL).get("happiness"), 1e-12);
    assertEquals(0.25, track.update(80, NEUTRAL).get("happiness"), 1e-12);
  }

  @Test
  void aBadValueNamesPidKeyAndValueAndAChangeToItIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> component(0, new ArrayList<>()));
    assertEquals(${className}.PID + ": alpha must be above 0 and at most 1, got 0.0", e.getMessage());
    List<String> errors = new ArrayList<>();
    ${className} smoother = component(1, errors);
    smoother.modified(config(7));
    assertEquals(1, errors.size());
    assertTrue(errors.get(0).contains("alpha"), errors.get(0));
    Smoother.Track track = smoother.newTrack();
    track.update(0, HAPPY);
    // alpha 1 kept: no smoothing
    assertEquals(1.0, track.update(40, NEUTRAL).get("neutral"), 1e-12);
  }
#end

  private static ${className} component(double value, List<String> errors) {
    return new ${className}(config(value), logger(errors));
  }

  /** A configuration as Declarative Services hands it to the component. */
  private static ${className}Config config(double value) {
    return new ${className}Config() {
      @Override
      public Class<? extends Annotation> annotationType() {
        return ${className}Config.class;
      }

      @Override
#if( $kind == "detector" )
      public double boxFraction() {
#elseif( $kind == "model" )
      public double brightAbove() {
#else
      public double alpha() {
#end
        return value;
      }
    };
  }

  /** An OSGi Logger that keeps the error messages. */
  private static Logger logger(List<String> errors) {
    return (Logger)
        Proxy.newProxyInstance(
            Logger.class.getClassLoader(),
            new Class<?>[] {Logger.class},
            (proxy, method, args) -> {
              if (method.getName().equals("error") && args != null) {
                errors.add(String.valueOf(Arrays.asList(args)));
              }
              return method.getReturnType() == boolean.class ? Boolean.TRUE : null;
            });
  }
}

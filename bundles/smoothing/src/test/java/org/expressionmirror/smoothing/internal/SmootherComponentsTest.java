package org.expressionmirror.smoothing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import org.expressionmirror.api.Distribution;
import org.expressionmirror.api.Smoother;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osgi.service.log.Logger;

class SmootherComponentsTest {
  @ParameterizedTest
  @ValueSource(doubles = {0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY})
  void aBadHalfLifeIsRejectedNamingKeyAndValue(double value) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> EmaSmoother.validate(ema(value)));
    assertEquals(
        "mirror.smoother.ema: halfLifeSeconds must be a positive, finite number of seconds, got "
            + value,
        e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.0, -0.5, Double.NaN, Double.NEGATIVE_INFINITY})
  void aBadWindowIsRejectedNamingKeyAndValue(double value) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> WindowSmoother.validate(window(value)));
    assertEquals(
        "mirror.smoother.window: windowSeconds must be a positive, finite number of seconds, got "
            + value,
        e.getMessage());
  }

  @Test
  void goodValuesPass() {
    assertEquals(0.5, EmaSmoother.validate(ema(0.5)));
    assertEquals(2.0, WindowSmoother.validate(window(2.0)));
  }

  @Test
  void aBadNewValueIsLoggedAndThePreviousOneStaysInUse() {
    List<String> errors = new CopyOnWriteArrayList<>();
    ConfigValue<EmaConfig> halfLife =
        new ConfigValue<>("halfLifeSeconds", EmaSmoother::validate, ema(0.5), errors(errors));
    halfLife.update(ema(-1.0));
    assertEquals(0.5, halfLife.getAsDouble());
    assertEquals(
        List.of(
            "mirror.smoother.ema: halfLifeSeconds must be a positive, finite number of seconds,"
                + " got -1.0; keeping halfLifeSeconds = 0.5"),
        errors);
    halfLife.update(ema(2.0));
    assertEquals(2.0, halfLife.getAsDouble());
    assertEquals(1, errors.size());
  }

  @Test
  void aBadFirstValueStopsTheComponent() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new WindowSmoother(window(0.0), errors(new CopyOnWriteArrayList<>())));
  }

  @Test
  void noneReturnsEachFramesScores() {
    Smoother.Track track = new NoSmoother().newTrack();
    Distribution a = Dists.of(0.2, 0.3, 0.5);
    Distribution b = Dists.SAD;
    assertSame(a, track.update(0, a));
    assertSame(b, track.update(10, b));
  }

  private static EmaConfig ema(double halfLife) {
    return new EmaConfig() {
      @Override
      public double halfLifeSeconds() {
        return halfLife;
      }

      @Override
      public Class<? extends Annotation> annotationType() {
        return EmaConfig.class;
      }
    };
  }

  private static WindowConfig window(double seconds) {
    return new WindowConfig() {
      @Override
      public double windowSeconds() {
        return seconds;
      }

      @Override
      public Class<? extends Annotation> annotationType() {
        return WindowConfig.class;
      }
    };
  }

  /** A Logger that keeps what is logged at error level, formatted as the OSGi Logger does. */
  private static Logger errors(List<String> lines) {
    return (Logger)
        Proxy.newProxyInstance(
            Logger.class.getClassLoader(),
            new Class<?>[] {Logger.class},
            (proxy, method, args) -> {
              if (method.getName().equals("error")) {
                Object[] values =
                    args[1] instanceof Object[] a ? a : Arrays.copyOfRange(args, 1, args.length);
                String line = (String) args[0];
                for (Object value : values) {
                  line = line.replaceFirst("\\{}", Matcher.quoteReplacement(String.valueOf(value)));
                }
                lines.add(line);
              }
              return method.getReturnType() == boolean.class ? Boolean.TRUE : null;
            });
  }
}

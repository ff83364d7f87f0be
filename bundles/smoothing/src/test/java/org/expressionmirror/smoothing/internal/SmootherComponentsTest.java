package org.expressionmirror.smoothing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.annotation.Annotation;
import org.expressionmirror.api.Distribution;
import org.expressionmirror.api.Smoother;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
}

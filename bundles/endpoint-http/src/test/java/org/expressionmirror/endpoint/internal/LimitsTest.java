package org.expressionmirror.endpoint.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.annotation.Annotation;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LimitsTest {
  /** The configuration as DS hands it over: converted values, here the defaults or {@code body}. */
  private static EndpointConfig config(double body, double pixels) {
    return new EndpointConfig() {
      @Override
      public Class<? extends Annotation> annotationType() {
        return EndpointConfig.class;
      }

      @Override
      public double maxBodyMegabytes() {
        return body;
      }

      @Override
      public double maxMegapixels() {
        return pixels;
      }
    };
  }

  @Test
  void theDefaultsAreEightMebibytesAndTwentyFourMillionPixels() {
    Limits l = Limits.from(config(8, 24), Map.of());
    assertEquals(8L * 1024 * 1024, l.maxBodyBytes());
    assertEquals(24_000_000L, l.maxPixels());
  }

  @Test
  void aTextValueFromAConfigFileIsParsed() {
    Limits l = Limits.from(config(8, 24), Map.of("maxBodyMegabytes", " 0.5 ", "maxMegapixels", "2"));
    assertEquals(512L * 1024, l.maxBodyBytes());
    assertEquals(2_000_000L, l.maxPixels());
  }

  @Test
  void aValueThatIsNoNumberIsRefusedNamingTheKeyAndValue() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Limits.from(config(8, 24), Map.of("maxBodyMegabytes", "lots")));
    assertEquals(
        "mirror.endpoint: maxBodyMegabytes = 'lots' must be a number above 0 and at most 1024",
        e.getMessage());
  }

  @Test
  void zeroOrTooMuchIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> Limits.from(config(0, 24), Map.of()));
    assertThrows(IllegalArgumentException.class, () -> Limits.from(config(8, 24), Map.of("maxMegapixels", "5000")));
    assertThrows(IllegalArgumentException.class, () -> Limits.from(config(8, 24), Map.of("maxBodyMegabytes", "-1")));
  }
}

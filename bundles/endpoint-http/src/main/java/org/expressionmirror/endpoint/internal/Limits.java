package org.expressionmirror.endpoint.internal;

import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * The validated limits of {@link EndpointConfig}.
 *
 * @param maxBodyBytes largest body accepted
 * @param maxPixels largest decoded image accepted (width times height)
 */
record Limits(long maxBodyBytes, long maxPixels) {
  private static final double MIB = 1024 * 1024;
  /** Past this a body no longer fits one Java array, so it could not be read at all. */
  private static final double MAX_BODY_MIB = 1024;
  /** A billion pixels is OpenCV's own decoding limit. */
  private static final double MAX_MEGAPIXELS = 1000;

  /**
   * @param raw the configuration's properties as given (text from a .cfg file)
   * @throws IllegalArgumentException naming the key and the value when one is not a positive
   *     number within range
   */
  static Limits from(EndpointConfig c, Map<String, Object> raw) {
    double body = number(raw, "maxBodyMegabytes", c::maxBodyMegabytes, MAX_BODY_MIB);
    double pixels = number(raw, "maxMegapixels", c::maxMegapixels, MAX_MEGAPIXELS);
    return new Limits(Math.round(body * MIB), Math.round(pixels * 1e6));
  }

  /**
   * DS turns a value it cannot parse into the default without a word, so a text value is parsed
   * here; a number is DS's.
   */
  private static double number(Map<String, Object> raw, String key, DoubleSupplier converted, double max) {
    Object value = raw.get(key);
    String range = "must be a number above 0 and at most " + (int) max;
    double v;
    if (value == null || value instanceof Number) {
      v = converted.getAsDouble();
    } else {
      try {
        v = Double.parseDouble(value.toString().strip());
      } catch (NumberFormatException e) {
        throw invalid(key, value, range);
      }
    }
    if (!(v > 0 && v <= max)) {
      throw invalid(key, value == null ? v : value, range);
    }
    return v;
  }

  private static IllegalArgumentException invalid(String key, Object value, String range) {
    return new IllegalArgumentException(
        EndpointConfig.PID + ": " + key + " = '" + value + "' " + range);
  }
}

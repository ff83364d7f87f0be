package org.expressionmirror.endpoint.internal;

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

  /**
   * @throws IllegalArgumentException naming the key and the value when one is not a positive
   *     number within range
   */
  static Limits from(EndpointConfig c) {
    double body = c.maxBodyMegabytes();
    if (!(body > 0 && body <= MAX_BODY_MIB)) {
      throw invalid("maxBodyMegabytes", body, "must be above 0 and at most " + (int) MAX_BODY_MIB);
    }
    double pixels = c.maxMegapixels();
    if (!(pixels > 0 && pixels <= 1000)) {
      throw invalid("maxMegapixels", pixels, "must be above 0 and at most 1000");
    }
    return new Limits(Math.round(body * MIB), Math.round(pixels * 1e6));
  }

  private static IllegalArgumentException invalid(String key, double value, String range) {
    return new IllegalArgumentException(
        EndpointConfig.PID + ": " + key + " = '" + value + "' " + range);
  }
}

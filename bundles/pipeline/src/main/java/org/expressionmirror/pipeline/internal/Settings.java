package org.expressionmirror.pipeline.internal;

import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleSupplier;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;

/** A validated {@code mirror.pipeline} configuration. */
record Settings(
    String detector,
    String model,
    String smoother,
    Filter detectorFilter,
    Filter modelFilter,
    Filter smootherFilter,
    double trackTimeoutMs,
    double trackMinIou,
    long startupTimeoutMs,
    boolean onlyMyFace,
    String compareModel,
    String compareDetector,
    double labelThreshold,
    int fullPassEvery,
    int idlePassEvery) {

  static final String PID = "mirror.pipeline";
  private static final String POSITIVE = "must be a positive number";
  private static final String BETWEEN_0_AND_1 = "must be between 0 and 1";
  private static final String ABOVE_0_UP_TO_1 = "must be above 0 and at most 1";
  private static final int MAX_PASS_EVERY = 1000;
  private static final String PASS_RANGE = "must be an integer from 1 to " + MAX_PASS_EVERY;

  /** The documented defaults of {@link PipelineConfig}. */
  static Settings defaults() {
    return from(Defaults.of(PipelineConfig.class), Map.of());
  }

  /**
   * Validates a configuration. DS converts values it cannot parse to defaults without a word, so
   * numbers are checked on the raw properties too.
   *
   * @throws IllegalArgumentException naming the key and the value
   */
  static Settings from(PipelineConfig c, Map<String, Object> raw) {
    double timeout = positive(raw, "trackTimeoutSeconds", c::trackTimeoutSeconds);
    double iou = number(raw, "trackMinIou", c::trackMinIou, BETWEEN_0_AND_1);
    if (iou < 0 || iou > 1) {
      throw invalid("trackMinIou", raw.get("trackMinIou"), BETWEEN_0_AND_1);
    }
    double startup = positive(raw, "startupTimeoutSeconds", c::startupTimeoutSeconds);
    double labels = number(raw, "labelThreshold", c::labelThreshold, ABOVE_0_UP_TO_1);
    if (!(labels > 0 && labels <= 1)) {
      throw invalid("labelThreshold", raw.getOrDefault("labelThreshold", labels), ABOVE_0_UP_TO_1);
    }
    return new Settings(
        id("detector", c.detector()),
        id("model", c.model()),
        id("smoother", c.smoother()),
        filter("detector.target", c.detector_target()),
        filter("model.target", c.model_target()),
        filter("smoother.target", c.smoother_target()),
        timeout * 1000,
        iou,
        Math.round(startup * 1000),
        bool(raw, "onlyMyFace", c::onlyMyFace),
        optionalId("compare.model", c.compare_model()),
        optionalId("compare.detector", c.compare_detector()),
        labels,
        passEvery(raw, "fullPassEvery", c.fullPassEvery()),
        passEvery(raw, "idlePassEvery", c.idlePassEvery()));
  }

  /** DS turns "ten" or "2.5" into the default without a word: the raw value is checked. */
  private static int passEvery(Map<String, Object> raw, String key, int converted) {
    Object value = raw.get(key);
    long n;
    if (value == null) {
      n = converted;
    } else if (value instanceof Integer || value instanceof Long) {
      n = ((Number) value).longValue();
    } else {
      try {
        n = Long.parseLong(value.toString().strip());
      } catch (NumberFormatException e) {
        throw invalid(key, value, PASS_RANGE);
      }
    }
    if (n < 1 || n > MAX_PASS_EVERY) {
      throw invalid(key, value == null ? n : value, PASS_RANGE);
    }
    return (int) n;
  }

  /** Whether a second model or detector runs beside the first. */
  boolean comparing() {
    return !compareModel.isEmpty() || !compareDetector.isEmpty();
  }

  /** An id that may be left empty (the feature is off). */
  private static String optionalId(String key, String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    if (value.isBlank() || !value.strip().equals(value)) {
      throw invalid(key, value, "must be a component id, or empty for none");
    }
    return value;
  }

  private static String id(String key, String value) {
    if (value == null || value.isBlank() || !value.strip().equals(value)) {
      throw invalid(key, value, "must be a component id such as haar, ema");
    }
    return value;
  }

  private static Filter filter(String key, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return FrameworkUtil.createFilter(value);
    } catch (InvalidSyntaxException e) {
      throw invalid(key, value, "is not a valid LDAP filter (" + e.getMessage() + ")");
    }
  }

  private static double positive(Map<String, Object> raw, String key, DoubleSupplier converted) {
    double value = number(raw, key, converted, POSITIVE);
    if (!(value > 0) || Double.isInfinite(value)) {
      throw invalid(key, raw.get(key), POSITIVE);
    }
    return value;
  }

  /** DS's own conversion is asked only for values it can convert; it throws on the others. */
  private static double number(
      Map<String, Object> raw, String key, DoubleSupplier converted, String range) {
    Object value = raw.get(key);
    if (value == null || value instanceof Number) {
      return converted.getAsDouble();
    }
    try {
      return Double.parseDouble(value.toString().strip());
    } catch (NumberFormatException e) {
      throw invalid(key, value, "is not a number; " + range);
    }
  }

  private static boolean bool(Map<String, Object> raw, String key, BooleanSupplier converted) {
    Object value = raw.get(key);
    if (value == null || value instanceof Boolean) {
      return converted.getAsBoolean();
    }
    String s = value.toString().strip();
    if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(s);
    }
    throw invalid(key, value, "must be true or false");
  }

  private static IllegalArgumentException invalid(String key, Object value, String why) {
    return new IllegalArgumentException(PID + ": " + key + " = '" + value + "' " + why);
  }
}

package org.expressionmirror.smoothing.internal;

import java.util.function.DoubleSupplier;
import java.util.function.ToDoubleFunction;
import org.osgi.service.log.Logger;

/**
 * One checked number from a component's configuration, read by its tracks every frame. A bad
 * first value stops the component from starting; a bad new value is logged and the previous one
 * stays in use, so a broken configuration never leaves the smoother without a value.
 *
 * @param <C> the component's configuration type
 */
final class ConfigValue<C> implements DoubleSupplier {
  private final String key;
  private final ToDoubleFunction<C> check;
  private final Logger logger;
  // Volatile, not final: replaced by update() while tracks read it on the frame thread.
  private volatile double value;

  /** The check returns the value of {@code key} or throws IllegalArgumentException naming it. */
  ConfigValue(String key, ToDoubleFunction<C> check, C config, Logger logger) {
    this.key = key;
    this.check = check;
    this.logger = logger;
    this.value = check.applyAsDouble(config);
  }

  void update(C config) {
    try {
      value = check.applyAsDouble(config);
    } catch (IllegalArgumentException e) {
      logger.error("{}; keeping {} = {}", e.getMessage(), key, value);
    }
  }

  @Override
  public double getAsDouble() {
    return value;
  }
}

package org.expressionmirror.pipeline.internal;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.osgi.framework.BundleContext;

/**
 * The last line of the start-up breakdown ({@code -Dmirror.timing=true}): when the program's first
 * frame was processed, in seconds since launch, once per program (a source replaced later in the
 * window is not a start-up).
 */
final class FirstFrameTiming {
  /** Shared by every run of this bundle: only the program's first frame counts. */
  private static final AtomicBoolean PRINTED = new AtomicBoolean();

  private final long launchMs;
  private final boolean on;

  private FirstFrameTiming(boolean on, long launchMs) {
    this.on = on;
    this.launchMs = launchMs;
  }

  /** From the framework properties {@code mirror.timing} and {@code mirror.launch.ms}. */
  static FirstFrameTiming of(BundleContext context) {
    String launch = context.getProperty("mirror.launch.ms");
    return new FirstFrameTiming(
        Boolean.parseBoolean(context.getProperty("mirror.timing")),
        launch == null ? System.currentTimeMillis() : Long.parseLong(launch));
  }

  void processed() {
    if (on && PRINTED.compareAndSet(false, true)) {
      System.err.printf(
          Locale.ROOT, "timing: %6.3f s  pipeline: first frame processed%n",
          (System.currentTimeMillis() - launchMs) / 1000.0);
    }
  }
}

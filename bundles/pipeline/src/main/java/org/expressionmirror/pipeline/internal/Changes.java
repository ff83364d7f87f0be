package org.expressionmirror.pipeline.internal;

import java.util.function.LongSupplier;

/**
 * When the framework last changed (a bundle, service or configuration event): the start-up
 * check looks at the components only for a while after one. Thread-safe: events come on the
 * framework's threads.
 */
final class Changes {
  private final LongSupplier nanoClock;
  private volatile long lastNanos;

  /** Counts as just changed: whatever happened before it was made is still to be looked at. */
  Changes(LongSupplier nanoClock) {
    this.nanoClock = nanoClock;
    this.lastNanos = nanoClock.getAsLong();
  }

  void happened() {
    lastNanos = nanoClock.getAsLong();
  }

  /** Whether the last change was at most {@code millis} ago. */
  boolean within(long millis) {
    return nanoClock.getAsLong() - lastNanos <= millis * 1_000_000;
  }
}

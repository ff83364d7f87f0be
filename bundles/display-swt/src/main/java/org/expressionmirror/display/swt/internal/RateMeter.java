package org.expressionmirror.display.swt.internal;

import java.util.ArrayDeque;

/** Frames per second over the last two seconds of arrivals; thread-safe. */
final class RateMeter {
  private static final long WINDOW_NANOS = 2_000_000_000L;
  private final ArrayDeque<Long> arrivals = new ArrayDeque<>();

  synchronized void tick(long nanos) {
    arrivals.addLast(nanos);
    while (nanos - arrivals.peekFirst() > WINDOW_NANOS) {
      arrivals.removeFirst();
    }
  }

  /** Frames per second, 0 until two frames have arrived. */
  synchronized double perSecond() {
    if (arrivals.size() < 2) {
      return 0;
    }
    long span = arrivals.peekLast() - arrivals.peekFirst();
    return span <= 0 ? 0 : (arrivals.size() - 1) * 1e9 / span;
  }
}

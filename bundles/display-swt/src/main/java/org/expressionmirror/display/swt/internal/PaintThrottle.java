package org.expressionmirror.display.swt.internal;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Repaints one part of the window at most once per period. A change inside the period is painted
 * when the period is over, so the last change is always shown, also when no further one comes
 * (the video ended). The status line's frame rate and the timeline change with every frame; at
 * 30 fps repainting their text and lines every time cost more than the frame itself. UI thread
 * only.
 */
final class PaintThrottle {
  private final long periodNanos;
  private final LongSupplier clock;
  private final Timer timer;
  private final Runnable repaint;
  private long last;
  private boolean painted;
  private boolean pending;

  /**
   * @param periodMillis the shortest time between two repaints
   * @param clock nanoseconds, e.g. System::nanoTime
   * @param timer runs a task on the UI thread after some milliseconds (Display::timerExec)
   * @param repaint asks for the part's repaint
   */
  PaintThrottle(long periodMillis, LongSupplier clock, Timer timer, Runnable repaint) {
    this.periodNanos = TimeUnit.MILLISECONDS.toNanos(periodMillis);
    this.clock = clock;
    this.timer = timer;
    this.repaint = repaint;
  }

  /** The part changed: repaints it now, or at the end of the period if it was repainted lately. */
  void changed() {
    if (pending) {
      return; // the deferred repaint will show this change too
    }
    long wait = painted ? periodNanos - (clock.getAsLong() - last) : 0;
    if (wait <= 0) {
      fire();
    } else {
      pending = true;
      timer.after((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait)), this::due);
    }
  }

  /** Runs a task on the UI thread later. */
  @FunctionalInterface
  interface Timer {
    void after(int millis, Runnable task);
  }

  private void due() {
    pending = false;
    fire();
  }

  private void fire() {
    painted = true;
    last = clock.getAsLong();
    repaint.run();
  }
}

package org.expressionmirror.display.swt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PaintThrottleTest {
  private long now;
  private int repaints;
  private final List<Integer> delays = new ArrayList<>();
  private final List<Runnable> timers = new ArrayList<>();
  private final PaintThrottle throttle =
      new PaintThrottle(
          500,
          () -> now,
          (millis, task) -> {
            delays.add(millis);
            timers.add(task);
          },
          () -> repaints++);

  private void advanceMillis(long millis) {
    now += TimeUnit.MILLISECONDS.toNanos(millis);
  }

  @Test
  void theFirstChangeIsPaintedAtOnceAndChangesWithinThePeriodOnceAtItsEnd() {
    throttle.changed();
    assertEquals(1, repaints);
    advanceMillis(100);
    for (int i = 0; i < 10; i++) {
      throttle.changed(); // thirty frames a second: one deferred repaint, not ten
    }
    assertEquals(1, repaints);
    assertEquals(List.of(400), delays);
    advanceMillis(400);
    timers.get(0).run();
    assertEquals(2, repaints, "the last change is painted though no further one came");
  }

  @Test
  void aChangeAfterThePeriodIsPaintedAtOnce() {
    throttle.changed();
    advanceMillis(600);
    throttle.changed();
    assertEquals(2, repaints);
    assertEquals(List.of(), delays);
  }
}

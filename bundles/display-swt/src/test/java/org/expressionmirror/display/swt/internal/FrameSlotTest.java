package org.expressionmirror.display.swt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.expressionmirror.api.Frame;
import org.expressionmirror.api.FrameResult;
import org.expressionmirror.api.StageTimes;
import org.junit.jupiter.api.Test;

class FrameSlotTest {
  static Frame frame(long index) {
    return new Frame(index, index * 33.3, 4, 2, new byte[4 * 2 * 3]);
  }

  static FrameResult result(long index) {
    return new FrameResult(
        index, index * 33.3, "haar@1", "m@1", "ema@1", List.of(), new StageTimes(1, 2, 3, 4));
  }

  @Test
  void aThousandFramesWhileTheUiIsBusyQueueOneRepaintOfTheNewest() {
    ArrayDeque<Runnable> uiQueue = new ArrayDeque<>();
    List<Long> rendered = new ArrayList<>();
    FrameSlot slot = new FrameSlot(uiQueue::add, s -> rendered.add(s.frame().index()));

    for (int i = 0; i < 1000; i++) {
      slot.offer(frame(i), result(i));
      assertTrue(uiQueue.size() <= 1, "queued repaints: " + uiQueue.size());
    }
    assertEquals(1, uiQueue.size());
    uiQueue.poll().run();
    assertEquals(List.of(999L), rendered);

    slot.offer(frame(1000), result(1000));
    assertEquals(1, uiQueue.size());
    uiQueue.poll().run();
    assertEquals(List.of(999L, 1000L), rendered);
  }

  @Test
  void aFrameOfferedWhileARepaintRunsIsShownByTheNextOne() {
    ArrayDeque<Runnable> uiQueue = new ArrayDeque<>();
    List<Long> rendered = new ArrayList<>();
    FrameSlot[] slot = new FrameSlot[1];
    slot[0] =
        new FrameSlot(
            uiQueue::add,
            s -> {
              rendered.add(s.frame().index());
              if (s.frame().index() == 1) {
                slot[0].offer(frame(2), result(2)); // the pipeline races the repaint
              }
            });
    slot[0].offer(frame(1), result(1));
    uiQueue.poll().run();
    assertEquals(1, uiQueue.size());
    uiQueue.poll().run();
    assertEquals(List.of(1L, 2L), rendered);
  }

  @Test
  void concurrentProducerNeverHasMoreThanOneRepaintOutstandingAndTheLastFrameIsShown()
      throws Exception {
    AtomicInteger outstanding = new AtomicInteger();
    AtomicInteger maxOutstanding = new AtomicInteger();
    ExecutorService ui = Executors.newSingleThreadExecutor();
    List<Long> rendered = new ArrayList<>();
    FrameSlot slot =
        new FrameSlot(
            task -> {
              maxOutstanding.accumulateAndGet(outstanding.incrementAndGet(), Math::max);
              ui.execute(
                  () -> {
                    outstanding.decrementAndGet();
                    task.run();
                  });
            },
            s -> rendered.add(s.frame().index()));
    for (int i = 0; i < 20_000; i++) {
      slot.offer(frame(i), result(i));
    }
    CountDownLatch done = new CountDownLatch(1);
    ui.execute(done::countDown);
    assertTrue(done.await(10, TimeUnit.SECONDS));
    ui.shutdown();
    assertEquals(1, maxOutstanding.get());
    assertEquals(19_999L, rendered.get(rendered.size() - 1));
    for (int i = 1; i < rendered.size(); i++) {
      assertTrue(rendered.get(i) > rendered.get(i - 1), "frames shown out of order");
    }
  }

  /**
   * Every frame offered is done with exactly once, after it was painted or when a newer one
   * replaced it unpainted, never while it is being painted: the window's copies go round safely.
   */
  @Test
  void everyFrameIsDoneWithOnceAndNeverWhileItIsPainted() throws Exception {
    ExecutorService ui = Executors.newSingleThreadExecutor();
    java.util.Set<Long> done = java.util.concurrent.ConcurrentHashMap.newKeySet();
    AtomicInteger twice = new AtomicInteger();
    AtomicInteger paintedWhenDone = new AtomicInteger();
    FrameSlot slot =
        new FrameSlot(
            ui::execute,
            s -> {
              // a frame already done with may have its array filled by a later frame
              if (done.contains(s.frame().index())) {
                paintedWhenDone.incrementAndGet();
              }
              Thread.yield();
              if (done.contains(s.frame().index())) {
                paintedWhenDone.incrementAndGet();
              }
            },
            s -> {
              if (!done.add(s.frame().index())) {
                twice.incrementAndGet();
              }
            });
    int n = 20_000;
    for (int i = 0; i < n; i++) {
      slot.offer(frame(i), result(i));
    }
    CountDownLatch drained = new CountDownLatch(1);
    ui.execute(drained::countDown);
    assertTrue(drained.await(10, TimeUnit.SECONDS));
    ui.shutdown();
    assertEquals(n, done.size());
    assertEquals(0, twice.get());
    assertEquals(0, paintedWhenDone.get());
  }
}

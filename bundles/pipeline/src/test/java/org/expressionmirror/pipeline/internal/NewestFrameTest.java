package org.expressionmirror.pipeline.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.expressionmirror.api.Frame;
import org.junit.jupiter.api.Test;

/** When the newest frame's array goes back to its source, and when it must not. */
class NewestFrameTest {
  private final NewestFrame newest = new NewestFrame();
  private final List<Long> recycled = Collections.synchronizedList(new ArrayList<>());

  private NewestFrame.Shown shown(long index, byte[] bgr) {
    return new NewestFrame.Shown(new Frame(index, index, 2, 2, bgr), null, null, f -> recycled.add(f.index()));
  }

  @Test
  void aReplacedFrameGoesBackOnceAndTheNewestStays() {
    newest.replace(shown(0, new byte[12]));
    assertEquals(List.of(), recycled);
    newest.replace(shown(1, new byte[12]));
    newest.replace(shown(2, new byte[12]));
    assertEquals(List.of(0L, 1L), recycled);
  }

  @Test
  void aFrameAViewMayKeepNeverGoesBack() {
    NewestFrame.Shown kept = shown(0, new byte[12]);
    kept.keep();
    newest.replace(kept);
    newest.replace(shown(1, new byte[12]));
    assertEquals(List.of(), recycled);
  }

  @Test
  void theSameArrayPublishedAgainIsNotGivenBackUnderItsNewFrame() {
    byte[] bgr = new byte[12];
    newest.replace(shown(0, bgr));
    newest.replace(shown(0, bgr));
    assertEquals(List.of(), recycled);
  }

  @Test
  void aFrameBeingShownToALateViewIsNotGivenBackUntilItHasBeen() throws Exception {
    newest.replace(shown(0, new byte[12]));
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<Long> seenWhileShowing = new ArrayList<>();
    Thread lateView =
        new Thread(
            () ->
                newest.withNewest(
                    s -> {
                      inside.countDown();
                      await(release);
                      seenWhileShowing.addAll(recycled);
                    }));
    lateView.start();
    assertTrue(inside.await(5, TimeUnit.SECONDS));
    Thread publisher = new Thread(() -> newest.replace(shown(1, new byte[12])));
    publisher.start();
    publisher.join(200);
    assertTrue(publisher.isAlive(), "the next frame waits for the late view");
    release.countDown();
    lateView.join(5000);
    publisher.join(5000);
    assertEquals(List.of(), seenWhileShowing);
    assertEquals(List.of(0L), recycled);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

package org.expressionmirror.itests;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.expressionmirror.api.FrameResult;
import org.expressionmirror.api.ResultListener;
import org.expressionmirror.api.RunSummary;

/**
 * A result listener that stops the stream on the frame after the first one that matches, until
 * released. The pipeline tells its listeners before it hands a frame to the window, so while the
 * stream is held the window shows exactly the matching frame, and the test knows its numbers.
 */
final class Hold implements ResultListener {
  private static final long MAX_HOLD_S = 60;

  private final Predicate<FrameResult> match;
  private final CountDownLatch held = new CountDownLatch(1);
  private final CountDownLatch released = new CountDownLatch(1);
  private volatile FrameResult previous;
  private volatile FrameResult shown;

  Hold(Predicate<FrameResult> match) {
    this.match = match;
  }

  @Override
  public void onResult(FrameResult result) {
    FrameResult before = previous;
    previous = result;
    if (shown == null && before != null && match.test(before)) {
      shown = before;
      held.countDown();
      try {
        released.await(MAX_HOLD_S, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public void onEnd(RunSummary summary) {
    held.countDown();
  }

  /** Waits until the stream is held and returns the frame the window shows, or fails. */
  FrameResult awaitHeld(long timeoutMs) throws InterruptedException {
    if (!held.await(timeoutMs, TimeUnit.MILLISECONDS) || shown == null) {
      throw new AssertionError("no frame matched before the run ended or within " + timeoutMs + " ms");
    }
    return shown;
  }

  void release() {
    released.countDown();
  }
}

package org.expressionmirror.itests;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.expressionmirror.api.FrameResult;
import org.expressionmirror.api.ResultListener;
import org.expressionmirror.api.RunSummary;

/**
 * A result listener registered by a test: keeps every frame result and every end of run it is
 * told about. An optional pause per frame makes it a slow consumer, so a stream of a few dozen
 * frames lasts long enough for a test to change the configuration while frames flow.
 */
final class Recorder implements ResultListener {
  private final long pauseMs;
  private final List<FrameResult> results = new ArrayList<>();
  private final List<RunSummary> ends = new ArrayList<>();

  Recorder(long pauseMs) {
    this.pauseMs = pauseMs;
  }

  @Override
  public void onResult(FrameResult result) {
    synchronized (this) {
      results.add(result);
      notifyAll();
    }
    if (pauseMs > 0) {
      try {
        Thread.sleep(pauseMs);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public synchronized void onEnd(RunSummary summary) {
    ends.add(summary);
    notifyAll();
  }

  synchronized List<FrameResult> results() {
    return List.copyOf(results);
  }

  synchronized List<RunSummary> ends() {
    return List.copyOf(ends);
  }

  synchronized int count() {
    return results.size();
  }

  /** Waits for the first result that matches, at most {@code timeoutMs}. */
  synchronized Optional<FrameResult> await(Predicate<FrameResult> match, long timeoutMs)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMs;
    while (true) {
      Optional<FrameResult> found = results.stream().filter(match).findFirst();
      long left = deadline - System.currentTimeMillis();
      if (found.isPresent() || left <= 0 || !ends.isEmpty()) {
        return found;
      }
      wait(left);
    }
  }

  /** Waits until at least {@code n} results arrived; false when the run ended first or time ran out. */
  synchronized boolean awaitCount(int n, long timeoutMs) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMs;
    while (results.size() < n) {
      long left = deadline - System.currentTimeMillis();
      if (left <= 0 || !ends.isEmpty()) {
        return false;
      }
      wait(left);
    }
    return true;
  }

  /** Waits for the end of the run and returns its summary, or fails after {@code timeoutMs}. */
  synchronized RunSummary awaitEnd(long timeoutMs) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMs;
    while (ends.isEmpty()) {
      long left = deadline - System.currentTimeMillis();
      if (left <= 0) {
        throw new AssertionError(
            "the run did not end within " + timeoutMs + " ms (" + results.size() + " frames so far)");
      }
      wait(left);
    }
    return ends.get(0);
  }
}

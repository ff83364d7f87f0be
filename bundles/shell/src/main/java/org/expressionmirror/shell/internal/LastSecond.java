package org.expressionmirror.shell.internal;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.expressionmirror.api.Comparison;
import org.expressionmirror.api.FrameResult;
import org.expressionmirror.api.ResultListener;
import org.expressionmirror.api.RunSummary;
import org.expressionmirror.api.StageTimes;
import org.osgi.service.component.annotations.Component;

/**
 * Listens to every frame's numbers and keeps what {@code mirror:status} shows: which components
 * made the newest frame, and the frames and stage times of the last second of wall time. It keeps
 * no scores and no pixels, only component ids and milliseconds, and writes nothing anywhere.
 * A listener of its own rather than the pipeline's run statistics: those cover a whole run, and
 * the shell wants the last second of whatever runs now.
 */
@Component(service = {ResultListener.class, LastSecond.class})
public final class LastSecond implements ResultListener {
  static final long SECOND_NANOS = 1_000_000_000L;
  static final String[] STAGES = {"decode", "detect", "classify", "smooth"};

  /** One frame as the shell remembers it. */
  record Seen(long atNanos, long frame, String detector, String model, String smoother, String compare, StageTimes times) {}

  /**
   * What the last second held.
   *
   * @param newest the newest frame seen, null when none came yet
   * @param frames frames that arrived within the last second
   * @param medianMs median milliseconds per stage over those frames, by stage name
   * @param maxMs the largest milliseconds per stage over those frames
   * @param ended how the last run ended (empty while it runs)
   */
  record Snapshot(Seen newest, int frames, Map<String, Double> medianMs, Map<String, Double> maxMs, String ended) {}

  private final Deque<Seen> recent = new ArrayDeque<>();
  private Seen newest;
  private String ended = "";

  /** Closed by {@link #holdFrames}: the pipeline thread then waits here until the run stops. */
  private volatile CountDownLatch hold;
  /** Counted down when the pipeline thread is held. */
  private final CountDownLatch holding = new CountDownLatch(1);

  @Override
  public void onResult(FrameResult result) {
    record(System.nanoTime(), result);
    CountDownLatch h = hold;
    if (h != null) {
      holding.countDown();
      try {
        // released only by the interrupt with which the pipeline stops its run at the end
        h.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Holds the pipeline thread in its next frame, so that no frame follows the record's end while
   * the program stops (the shell's {@code exit}); the run's own stop releases it.
   *
   * @return whether a frame is held within {@code timeoutMs}; false when no frame came (the run
   *     has ended or its source gives nothing now)
   */
  boolean holdFrames(long timeoutMs) throws InterruptedException {
    hold = new CountDownLatch(1);
    return holding.await(timeoutMs, TimeUnit.MILLISECONDS);
  }

  /** Whether the newest run has ended (its record then has its own end line). */
  synchronized boolean runEnded() {
    return !ended.isEmpty();
  }

  @Override
  public synchronized void onEnd(RunSummary summary) {
    ended =
        summary.failed()
            ? "ended with an error after " + summary.frames() + " frames: " + summary.error()
            : "read to its end: " + summary.frames() + " frames";
  }

  /** Called on the pipeline thread for every frame: constant work, old frames dropped. */
  synchronized void record(long nowNanos, FrameResult r) {
    Comparison c = r.compare();
    String compare = c == null ? "" : c.detector() + " / " + c.model();
    newest = new Seen(nowNanos, r.frame(), r.detector(), r.model(), r.smoother(), compare, r.times());
    recent.addLast(newest);
    ended = "";
    dropOlderThanASecond(nowNanos);
  }

  synchronized Snapshot snapshot(long nowNanos) {
    dropOlderThanASecond(nowNanos);
    Map<String, Double> median = new LinkedHashMap<>();
    Map<String, Double> max = new LinkedHashMap<>();
    for (int s = 0; s < STAGES.length; s++) {
      double[] ms = new double[recent.size()];
      int i = 0;
      for (Seen seen : recent) {
        ms[i++] = stage(seen.times(), s);
      }
      Arrays.sort(ms);
      median.put(STAGES[s], ms.length == 0 ? 0 : ms[(ms.length - 1) / 2]);
      max.put(STAGES[s], ms.length == 0 ? 0 : ms[ms.length - 1]);
    }
    return new Snapshot(newest, recent.size(), median, max, ended);
  }

  private void dropOlderThanASecond(long nowNanos) {
    while (!recent.isEmpty() && nowNanos - recent.peekFirst().atNanos() > SECOND_NANOS) {
      recent.removeFirst();
    }
  }

  private static double stage(StageTimes t, int s) {
    return switch (s) {
      case 0 -> t.decodeMs();
      case 1 -> t.detectMs();
      case 2 -> t.classifyMs();
      default -> t.smoothMs();
    };
  }
}

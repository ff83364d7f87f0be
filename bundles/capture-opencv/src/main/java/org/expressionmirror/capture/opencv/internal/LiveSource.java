package org.expressionmirror.capture.opencv.internal;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.expressionmirror.api.Frame;
import org.expressionmirror.api.FrameSource;
import org.expressionmirror.api.SourceInfo;

/**
 * A source that never lets latency grow: a capture thread reads continuously into a one-slot
 * mailbox where the newest frame replaces an unread one, and the replaced frames are counted.
 * Cameras deliver at their own rate; a file is paced at its own frame rate to behave like one.
 *
 * <p>The capture thread owns the reader and closes it when it stops, so the native capture is
 * never released while a read is in progress.
 */
final class LiveSource implements FrameSource {
  private static final long STOP_WAIT_MS = 2000;

  private record Slot(Frame frame, double decodeMs) {}

  /**
   * Notes the moment a frame was read (a camera) or became due (a paced file): the start of its
   * way to the window. With {@code -Dmirror.timing=true} one {@code latency: read INDEX NANOS}
   * line per frame goes to stderr, which the window's {@code latency: shown} lines are matched
   * with (bundles/launcher/src/bench/bench.py --window); off by default.
   */
  enum ReadStamp {
    NONE,
    PRINTED;

    void read(Frame frame) {
      if (this == PRINTED) {
        System.err.println("latency: read " + frame.index() + " " + System.nanoTime());
      }
    }
  }

  private final FrameReader reader;
  private final boolean paced;
  private final ReadStamp stamp;
  private final SourceInfo info;
  private final Thread thread;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  // Guarded by lock.
  private Slot pending;
  private boolean ended;
  private boolean closed;
  private IOException failure;
  private long skipped;
  private double lastDecodeMs;

  private LiveSource(FrameReader reader, boolean paced, ReadStamp stamp) {
    this.reader = reader;
    this.paced = paced;
    this.stamp = stamp;
    SourceInfo r = reader.info();
    this.info =
        new SourceInfo(r.description(), r.width(), r.height(), r.fps(), true, r.declaredFrames());
    this.thread = new Thread(this::capture, "capture " + r.description());
    thread.setDaemon(true);
  }

  /** Starts capturing from a camera, which sets its own pace. */
  static LiveSource camera(FrameReader reader, ReadStamp stamp) {
    return start(new LiveSource(reader, false, stamp));
  }

  /** Starts reading a file in real time, one frame every {@code 1 / fps} seconds. */
  static LiveSource pacedFile(FrameReader reader, ReadStamp stamp) {
    return start(new LiveSource(reader, true, stamp));
  }

  private static LiveSource start(LiveSource source) {
    source.thread.start();
    return source;
  }

  private void capture() {
    try (reader) {
      long startNanos = System.nanoTime();
      while (!isClosed()) {
        Optional<Frame> frame = reader.read();
        if (frame.isEmpty()) {
          break;
        }
        if (paced && !waitUntil(startNanos + (long) (frame.get().timeMs() * 1e6))) {
          break;
        }
        stamp.read(frame.get());
        publish(new Slot(frame.get(), reader.lastDecodeMs()));
      }
    } catch (IOException | RuntimeException e) {
      fail(e instanceof IOException io ? io : new IOException(info.description() + ": " + e, e));
    } finally {
      finish();
    }
  }

  /** Sleeps until the frame's due time; false when closed meanwhile. */
  private boolean waitUntil(long dueNanos) {
    lock.lock();
    try {
      long left;
      while (!closed && (left = dueNanos - System.nanoTime()) > 0) {
        changed.awaitNanos(left);
      }
      return !closed;
    } catch (InterruptedException e) {
      return false;
    } finally {
      lock.unlock();
    }
  }

  private void publish(Slot slot) {
    Slot replaced;
    lock.lock();
    try {
      replaced = pending;
      if (replaced != null) {
        skipped++;
      }
      pending = slot;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    if (replaced != null) {
      // nobody took it: its array is free for a later frame
      reader.recycle(replaced.frame());
    }
  }

  private void fail(IOException e) {
    lock.lock();
    try {
      failure = e;
    } finally {
      lock.unlock();
    }
  }

  private void finish() {
    lock.lock();
    try {
      ended = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private boolean isClosed() {
    lock.lock();
    try {
      return closed;
    } finally {
      lock.unlock();
    }
  }

  /** The newest frame not yet taken; waits for one. A capture error is thrown once drained. */
  @Override
  public Optional<Frame> next() throws IOException, InterruptedException {
    lock.lock();
    try {
      while (pending == null && !ended && !closed) {
        changed.await();
      }
      if (pending != null && !closed) {
        Slot slot = pending;
        pending = null;
        lastDecodeMs = slot.decodeMs();
        return Optional.of(slot.frame());
      }
      if (failure != null && !closed) {
        throw failure;
      }
      return Optional.empty();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public SourceInfo info() {
    return info;
  }

  @Override
  public long skipped() {
    lock.lock();
    try {
      return skipped;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public double lastDecodeMs() {
    lock.lock();
    try {
      return lastDecodeMs;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void recycle(Frame frame) {
    reader.recycle(frame);
  }

  /** Stops the capture thread, which releases the capture; waits briefly for it. Idempotent. */
  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      pending = null;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    if (Thread.currentThread() != thread) {
      try {
        thread.join(STOP_WAIT_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}

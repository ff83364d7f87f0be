package org.expressionmirror.display.swt.internal;

import java.util.concurrent.ArrayBlockingQueue;
import org.expressionmirror.api.Frame;

/**
 * The window's own copies of the frames it is shown. The pipeline lends a frame's pixels only
 * while {@code show} runs (the view is registered with {@code MirrorView.COPIES_PIXELS}) and
 * decodes a later frame into the same array afterwards, so the window copies what it paints
 * later. Three arrays go round: one being filled, one waiting for the UI thread, one being
 * painted; each comes back when its frame has been painted or was replaced unpainted, so the
 * window allocates no frame-sized memory per frame. Thread-safe.
 */
final class FrameCopies {
  private static final int KEPT = 3;

  private final ArrayBlockingQueue<byte[]> free = new ArrayBlockingQueue<>(KEPT);

  /** The frame with its pixels copied into an array of the window's. */
  Frame copy(Frame lent) {
    byte[] from = lent.bgr();
    byte[] to = take(from.length);
    System.arraycopy(from, 0, to, 0, from.length);
    return new Frame(lent.index(), lent.timeMs(), lent.width(), lent.height(), to, lent.name());
  }

  /** A copy whose frame has been painted or dropped: its array is free for a later frame. */
  void giveBack(Frame copy) {
    byte[] array = copy.bgr();
    if (!free.contains(array)) {
      free.offer(array);
    }
  }

  private byte[] take(int length) {
    byte[] a;
    while ((a = free.poll()) != null) {
      if (a.length == length) {
        return a;
      }
    }
    return new byte[length];
  }
}

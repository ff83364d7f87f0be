package org.expressionmirror.capture.opencv.internal;

import java.util.concurrent.ArrayBlockingQueue;

/**
 * Frame-sized arrays given back by the pipeline ({@code FrameSource.recycle}), for a reader to
 * decode its next frames into: at 30 frames per second a camera would otherwise allocate about
 * 27 MB a second (640x480) for the collector to clear again. Keeps at most {@link #KEPT} arrays,
 * more than a run holds at once (a queue of decoded frames, one per stage, the window's last):
 * beyond that an array is left to the collector. Thread-safe: frames come back on the pipeline's
 * threads while the reader decodes on its own.
 */
final class FrameBuffers {
  static final int KEPT = 8;

  private final ArrayBlockingQueue<byte[]> free = new ArrayBlockingQueue<>(KEPT);

  /** A free array of {@code length} bytes, else a new one; its old contents are overwritten by the caller. */
  byte[] take(int length) {
    byte[] a;
    while ((a = free.poll()) != null) {
      if (a.length == length) {
        return a;
      }
      // an array of an earlier size (the camera changed its mode): not worth keeping
    }
    return new byte[length];
  }

  /**
   * Keeps {@code array} for a later frame. One already kept is not kept twice: two frames would
   * then share their pixels.
   */
  void giveBack(byte[] array) {
    if (array != null && !free.contains(array)) {
      free.offer(array);
    }
  }

  /** Arrays kept, for tests. */
  int kept() {
    return free.size();
  }
}

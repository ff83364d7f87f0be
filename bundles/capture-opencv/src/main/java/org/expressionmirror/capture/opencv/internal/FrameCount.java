package org.expressionmirror.capture.opencv.internal;

import java.util.Optional;
import org.expressionmirror.api.Frame;

/**
 * How many frames a reader has handed out and how long the last one took to decode: the state
 * behind {@link FrameReader#lastDecodeMs()}. Each reader says where decoding starts (a camera's
 * wait for its next frame is not decoding) and which frames are timed.
 */
final class FrameCount {
  private long next;
  private double lastDecodeMs;

  /** The index the next frame gets. */
  long next() {
    return next;
  }

  double lastDecodeMs() {
    return lastDecodeMs;
  }

  /** The frame being read was decoded from {@code startNanos} until now. */
  void decodedSince(long startNanos) {
    lastDecodeMs = (System.nanoTime() - startNanos) / 1e6;
  }

  /** Hands out the frame built with index {@link #next()} and counts it. */
  Optional<Frame> handOut(Frame frame) {
    next++;
    return Optional.of(frame);
  }
}

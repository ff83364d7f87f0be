package org.expressionmirror.capture.opencv.internal;

import java.io.IOException;
import java.util.Optional;
import org.expressionmirror.api.Frame;
import org.expressionmirror.api.SourceInfo;

/** Reads frames one by one on the caller's thread; the caller closes it. Not thread-safe. */
interface FrameReader extends AutoCloseable {
  /** The next frame, or empty at the end of the source. */
  Optional<Frame> read() throws IOException;

  /** Milliseconds the last {@link #read()} spent decoding (not waiting for a camera). */
  double lastDecodeMs();

  SourceInfo info();

  /**
   * Takes back a frame this reader made, whose pixels nobody reads any more, to decode a later
   * frame into its array. Thread-safe, unlike the rest; also after {@link #close()}. Readers of
   * frames of changing sizes (images) leave the array to the collector. Not a default method: a
   * reader that wraps another must pass frames on.
   */
  void recycle(Frame frame);

  /** Image files skipped because they could not be decoded; 0 for videos and cameras. */
  default long unreadable() {
    return 0;
  }

  @Override
  void close();
}

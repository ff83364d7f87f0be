package org.expressionmirror.platform.ffmpeg;

import java.io.IOException;
import java.util.Optional;

/**
 * The frames of one video stream, decoded one by one on the caller's thread: every frame the
 * stream holds, once, in presentation order. Not thread-safe; whoever opens it closes it.
 */
public interface VideoDecoder extends AutoCloseable {
  /** Width of every frame, as displayed (after the rotation the file asks for). */
  int width();

  /** Height of every frame, as displayed. */
  int height();

  /** The stream's average frame rate, else its base rate; 0 when the file states neither. */
  double fps();

  /**
   * The number of frames the container declares for the stream, where that is exactly the number
   * {@link #next()} delivers for the whole file; 0 when the container declares none or its count
   * could differ from what decoding shows (e.g. an edit list that hides frames).
   */
  long declaredFrames();

  /**
   * The next frame as interleaved 8-bit blue, green, red rows without padding ({@code width *
   * height * 3} bytes, a new array each time), or empty after the last frame and once closed.
   *
   * @throws IOException when the file cannot be read further, naming the file and frame
   */
  Optional<byte[]> next() throws IOException;

  /**
   * As {@link #next()}, decoding into {@code reuse} when it has exactly {@code width * height * 3}
   * bytes (the array of a frame nobody reads any more), else into a new array; the array returned
   * is the one that holds the frame. Saves a frame-sized allocation per frame.
   *
   * @throws IOException when the file cannot be read further, naming the file and frame
   */
  default Optional<byte[]> next(byte[] reuse) throws IOException {
    return next();
  }

  /** Frees the decoder's native memory and closes the file. Idempotent. */
  @Override
  void close();
}

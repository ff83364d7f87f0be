package org.expressionmirror.api;

import java.io.IOException;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * An open stream of frames. A file source hands out every frame in order; a live source hands out
 * the newest frame and counts the ones nobody took in {@link #skipped()}.
 */
@ProviderType
public interface FrameSource extends AutoCloseable {
  /** Blocks until the next frame is there; empty once the source has ended. */
  Optional<Frame> next() throws IOException, InterruptedException;

  SourceInfo info();

  /** Frames decoded but replaced by a newer one before they were taken. */
  long skipped();

  /**
   * Image files of a folder that could not be decoded and were skipped so far (each is reported
   * once as it is skipped); 0 for other sources.
   */
  default long unreadable() {
    return 0;
  }

  /** Milliseconds spent decoding the frame last returned by {@link #next()}. */
  double lastDecodeMs();

  /**
   * Gives back a frame this source handed out, once nothing reads its pixels any more: the source
   * may decode a later frame into the same array instead of a new one (a camera or video then
   * allocates no frame-sized memory per frame). Giving frames back is optional: one never given
   * back is collected as usual. The caller must not read the frame's pixels afterwards, nor give
   * a frame back twice. Safe from any thread, also after {@link #close()}.
   */
  default void recycle(Frame frame) {}

  /** Releases the camera or file; idempotent. */
  @Override
  void close();
}

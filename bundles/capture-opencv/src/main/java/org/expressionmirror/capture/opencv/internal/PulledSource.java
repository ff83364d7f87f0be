package org.expressionmirror.capture.opencv.internal;

import java.io.IOException;
import java.util.Optional;
import org.expressionmirror.api.Frame;
import org.expressionmirror.api.FrameSource;
import org.expressionmirror.api.SourceInfo;

/**
 * A file read on demand: every frame, in order, decoded when {@link #next()} asks, so a slow
 * consumer slows the reading instead of losing frames.
 */
final class PulledSource implements FrameSource {
  private final FrameReader reader;

  PulledSource(FrameReader reader) {
    this.reader = reader;
  }

  @Override
  public synchronized Optional<Frame> next() throws IOException {
    return reader.read();
  }

  @Override
  public SourceInfo info() {
    return reader.info();
  }

  @Override
  public long skipped() {
    return 0;
  }

  @Override
  public synchronized long unreadable() {
    return reader.unreadable();
  }

  @Override
  public synchronized double lastDecodeMs() {
    return reader.lastDecodeMs();
  }

  /** Not synchronized: a frame comes back from the pipeline while the next one is decoded. */
  @Override
  public void recycle(Frame frame) {
    reader.recycle(frame);
  }

  @Override
  public synchronized void close() {
    reader.close();
  }
}

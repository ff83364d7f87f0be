package org.expressionmirror.capture.opencv.internal;

import java.io.IOException;
import java.util.Optional;
import org.expressionmirror.api.Frame;
import org.expressionmirror.api.SourceInfo;
import org.expressionmirror.platform.ffmpeg.VideoDecoder;

/**
 * Frames of a video file decoded in-process by FFmpeg: every frame once, in order. Frame {@code i}
 * is given the time {@code i / fps} with the stream's average rate: exact for constant-rate video
 * (nearly all files), an approximation for variable-rate phone video; a stream with no rate at all
 * gets one nominal second per frame, as images do.
 */
final class FfmpegVideoReader implements FrameReader {
  private final VideoDecoder decoder;
  private final SourceInfo info;
  private final double msPerFrame;
  private final FrameCount count = new FrameCount();
  private final FrameBuffers buffers = new FrameBuffers();

  FfmpegVideoReader(VideoDecoder decoder, String description) {
    this.decoder = decoder;
    this.info =
        new SourceInfo(description, decoder.width(), decoder.height(), decoder.fps(), false,
            decoder.declaredFrames());
    this.msPerFrame =
        decoder.fps() > 0 ? 1000 / decoder.fps() : ImageReader.NOMINAL_MS_PER_IMAGE;
  }

  @Override
  public Optional<Frame> read() throws IOException {
    long start = System.nanoTime();
    byte[] reuse = buffers.take(info.width() * info.height() * 3);
    Optional<byte[]> bgr = decoder.next(reuse);
    if (bgr.isEmpty() || bgr.get() != reuse) {
      buffers.giveBack(reuse);
    }
    if (bgr.isEmpty()) {
      return Optional.empty();
    }
    count.decodedSince(start);
    long index = count.next();
    return count.handOut(
        new Frame(index, index * msPerFrame, info.width(), info.height(), bgr.get()));
  }

  @Override
  public void recycle(Frame frame) {
    buffers.giveBack(frame.bgr());
  }

  @Override
  public double lastDecodeMs() {
    return count.lastDecodeMs();
  }

  @Override
  public SourceInfo info() {
    return info;
  }

  @Override
  public void close() {
    decoder.close();
  }
}

package org.expressionmirror.capture.opencv.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.expressionmirror.api.Frame;
import org.expressionmirror.api.SourceInfo;

/**
 * Holds any video reader to the frame count its file declares: when the reader ends before that
 * count, the end is an error ("read N of M frames declared by FILE") instead of a normal end, so a
 * run that silently lost the rest of a file exits non-zero. The declaration is the larger of what
 * the reader itself knows ({@link SourceInfo#declaredFrames()}, e.g. FFmpeg's count from an MP4/MOV
 * sample table) and the AVI header's ({@link AviHeader}), which no reader can overlook.
 *
 * <p>No tolerance: the counts compared come from the container's own header and index, which list
 * every frame, and a reader that decodes every frame hands out exactly that many (checked for
 * MJPEG AVI written by OpenCV and by ffmpeg, with and without OpenDML, and for H.264 and MPEG-4
 * MP4/MOV with B-frames; FFmpeg declares no count where an edit list hides frames). A reader may
 * deliver more than declared (a file still being written): that is not an error.
 */
final class FrameCountCheck implements FrameReader {
  private final FrameReader reader;
  private final Path file;
  private final SourceInfo info;
  private long read;
  private boolean ended;

  private FrameCountCheck(FrameReader reader, Path file, long declared) {
    this.reader = reader;
    this.file = file;
    this.info = reader.info().declaring(declared);
  }

  /** {@code reader} checked against what {@code file} declares. */
  static FrameReader of(FrameReader reader, Path file) {
    long declared =
        Math.max(reader.info().declaredFrames(), AviHeader.declaredFrames(file).orElse(0));
    return new FrameCountCheck(reader, file, declared);
  }

  @Override
  public Optional<Frame> read() throws IOException {
    if (ended) {
      return Optional.empty();
    }
    Optional<Frame> frame = reader.read();
    if (frame.isPresent()) {
      read++;
      return frame;
    }
    ended = true; // said once; asked again, the source has simply ended
    if (read < info.declaredFrames()) {
      throw new IOException(
          "read " + read + " of " + info.declaredFrames() + " frames declared by " + file
              + "; the rest of the file could not be read");
    }
    return frame;
  }

  @Override
  public void recycle(Frame frame) {
    reader.recycle(frame);
  }

  @Override
  public double lastDecodeMs() {
    return reader.lastDecodeMs();
  }

  @Override
  public SourceInfo info() {
    return info;
  }

  @Override
  public void close() {
    ended = true; // a closed reader ends early on purpose
    reader.close();
  }
}

package org.expressionmirror.capture.opencv.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.expressionmirror.api.Frame;
import org.expressionmirror.api.SourceInfo;
import org.expressionmirror.platform.opencv.FrameMats;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * Frames from image files, in the given order. Images have no time of their own: frame {@code i}
 * gets a nominal {@code i} seconds, so time-based smoothing sees distinct, increasing times.
 */
final class ImageReader implements FrameReader {
  static final double NOMINAL_MS_PER_IMAGE = 1000;

  private final List<Path> files;
  private final SourceInfo info;
  private Mat first; // decoded while opening to learn the size and fail early; handed out first
  private final FrameCount count = new FrameCount();
  private boolean closed;

  ImageReader(String description, List<Path> files) throws IOException {
    this.files = List.copyOf(files);
    long start = System.nanoTime();
    this.first = decode(this.files.get(0));
    count.decodedSince(start);
    this.info = new SourceInfo(description, first.cols(), first.rows(), 0, false);
  }

  private static Mat decode(Path file) throws IOException {
    Mat image = Imgcodecs.imread(file.toString(), Imgcodecs.IMREAD_COLOR);
    if (image.empty()) {
      image.release();
      throw new IOException("cannot decode image: " + file);
    }
    return image;
  }

  @Override
  public Optional<Frame> read() throws IOException {
    if (closed || count.next() >= files.size()) {
      return Optional.empty();
    }
    long start = System.nanoTime();
    int index = (int) count.next();
    Mat image = first != null ? first : decode(files.get(index));
    first = null;
    try {
      Frame frame = FrameMats.toFrame(image, index, index * NOMINAL_MS_PER_IMAGE);
      if (index > 0) { // the first image was decoded, and timed, while opening
        count.decodedSince(start);
      }
      return count.handOut(frame);
    } finally {
      image.release();
    }
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
    closed = true;
    if (first != null) {
      first.release();
      first = null;
    }
  }
}

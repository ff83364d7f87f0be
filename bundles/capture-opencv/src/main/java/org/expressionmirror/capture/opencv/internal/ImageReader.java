package org.expressionmirror.capture.opencv.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.expressionmirror.api.Frame;
import org.expressionmirror.api.SourceInfo;
import org.expressionmirror.platform.opencv.FrameMats;
import org.expressionmirror.platform.opencv.ImageFiles;
import org.opencv.core.Mat;

/**
 * Frames from image files, in the given order. Images have no time of their own: frame {@code i}
 * gets a nominal {@code i} seconds, so time-based smoothing sees distinct, increasing times. Each
 * frame is named by its file relative to the folder.
 *
 * <p>One damaged file in a folder of thousands must not cost the other images: a file that cannot
 * be decoded is reported once by name, skipped and counted ({@link #unreadable()}); frames are
 * numbered over the images that were read. Only a source with no readable image at all fails.
 */
final class ImageReader implements FrameReader {
  static final double NOMINAL_MS_PER_IMAGE = 1000;

  private final Path folder;
  private final List<Path> files;
  private final Consumer<String> warnings;
  private final SourceInfo info;
  private final FrameCount count = new FrameCount();
  private int nextFile;
  private long unreadable;
  private Mat first; // decoded while opening to learn the size and fail early; handed out first
  private Path firstFile;
  private boolean closed;

  /**
   * Decodes the first readable image.
   *
   * @param folder the folder the names are relative to (a single image's own folder)
   * @param files the images, in reading order
   * @param warnings told, in one line naming the file, about each image that is skipped
   * @throws IOException when no image can be decoded: the one image's reason, or for a folder how
   *     many images were unreadable
   */
  ImageReader(String description, Path folder, List<Path> files, Consumer<String> warnings)
      throws IOException {
    this.folder = folder;
    this.files = List.copyOf(files);
    this.warnings = warnings;
    long start = System.nanoTime();
    IOException lastFailure = null;
    while (first == null && nextFile < this.files.size()) {
      Path file = this.files.get(nextFile++);
      try {
        first = ImageFiles.readBgr(file);
        firstFile = file;
      } catch (IOException e) {
        lastFailure = e;
        if (this.files.size() > 1) {
          skip(e);
        }
      }
    }
    if (first == null) {
      throw this.files.size() == 1
          ? lastFailure
          : new IOException(
              "no readable image in folder: " + description + " (" + unreadable + " unreadable)");
    }
    count.decodedSince(start);
    this.info = new SourceInfo(description, first.cols(), first.rows(), 0, false);
  }

  private void skip(IOException e) {
    unreadable++;
    warnings.accept(e.getMessage() + "; skipped");
  }

  @Override
  public Optional<Frame> read() throws IOException {
    if (closed) {
      return Optional.empty();
    }
    if (first != null) { // decoded, and timed, while opening
      Mat image = first;
      first = null;
      return handOut(image, firstFile);
    }
    long start = System.nanoTime();
    while (nextFile < files.size()) {
      Path file = files.get(nextFile++);
      try {
        Mat image = ImageFiles.readBgr(file);
        count.decodedSince(start);
        return handOut(image, file);
      } catch (IOException e) {
        skip(e);
      }
    }
    return Optional.empty();
  }

  private Optional<Frame> handOut(Mat image, Path file) {
    try {
      long index = count.next();
      Frame frame = FrameMats.toFrame(image, index, index * NOMINAL_MS_PER_IMAGE);
      return count.handOut(frame.named(name(file)));
    } finally {
      image.release();
    }
  }

  /** The file relative to the folder, with {@code /} between folders on every system. */
  private String name(Path file) {
    Path relative = folder.toAbsolutePath().relativize(file.toAbsolutePath());
    StringBuilder name = new StringBuilder();
    for (Path part : relative) {
      name.append(name.length() == 0 ? "" : "/").append(part);
    }
    return name.toString();
  }

  @Override
  public long unreadable() {
    return unreadable;
  }

  /** Images differ in size from file to file: each gets an array of its own. */
  @Override
  public void recycle(Frame frame) {}

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

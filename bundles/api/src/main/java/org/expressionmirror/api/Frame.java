package org.expressionmirror.api;

/**
 * One decoded image of a source.
 *
 * @param index 0-based position of the frame in its source (gaps show skipped frames)
 * @param timeMs source time of the frame in milliseconds
 * @param width width in pixels
 * @param height height in pixels
 * @param bgr interleaved 8-bit blue, green, red rows without padding; treat as read-only
 * @param name the image file the frame was read from, relative to the source folder with {@code /}
 *     between folders (the file name for a single image); empty for video and camera frames
 */
public record Frame(long index, double timeMs, int width, int height, byte[] bgr, String name) {
  /** A frame of a video or camera: no file name of its own. */
  public Frame(long index, double timeMs, int width, int height, byte[] bgr) {
    this(index, timeMs, width, height, bgr, "");
  }

  public Frame {
    if (name == null) {
      throw new IllegalArgumentException("frame " + index + ": name must not be null (empty for none)");
    }
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("frame size must be positive: " + width + "x" + height);
    }
    if (bgr.length != width * height * 3) {
      throw new IllegalArgumentException(
          "frame " + index + ": " + bgr.length + " bytes for " + width + "x" + height + " BGR");
    }
  }

  /** The same pixels, index and time, read from the image file {@code name}; no copy. */
  public Frame named(String name) {
    return new Frame(index, timeMs, width, height, bgr, name);
  }

  /** Bytes from one row to the next. */
  public int stride() {
    return width * 3;
  }

  @Override
  public String toString() {
    return "Frame[" + index + " @" + timeMs + " ms, " + width + "x" + height
        + (name.isEmpty() ? "" : ", " + name) + "]";
  }
}

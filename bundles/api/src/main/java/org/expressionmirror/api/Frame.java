package org.expressionmirror.api;

/**
 * One decoded image of a source.
 *
 * @param index 0-based position of the frame in its source (gaps show skipped frames)
 * @param timeMs source time of the frame in milliseconds
 * @param width width in pixels
 * @param height height in pixels
 * @param bgr interleaved 8-bit blue, green, red rows without padding; treat as read-only
 */
public record Frame(long index, double timeMs, int width, int height, byte[] bgr) {
  public Frame {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("frame size must be positive: " + width + "x" + height);
    }
    if (bgr.length != width * height * 3) {
      throw new IllegalArgumentException(
          "frame " + index + ": " + bgr.length + " bytes for " + width + "x" + height + " BGR");
    }
  }

  /** Bytes from one row to the next. */
  public int stride() {
    return width * 3;
  }

  @Override
  public String toString() {
    return "Frame[" + index + " @" + timeMs + " ms, " + width + "x" + height + "]";
  }
}

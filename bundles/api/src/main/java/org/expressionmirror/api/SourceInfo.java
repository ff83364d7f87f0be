package org.expressionmirror.api;

/**
 * What an open source is.
 *
 * @param description human-readable name such as {@code camera 0} or a file name
 * @param width frame width in pixels
 * @param height frame height in pixels
 * @param fps nominal frames per second, 0 when unknown (image folders)
 * @param live whether frames may be dropped to keep latency low (camera or real-time file)
 * @param declaredFrames the number of frames the file's container says it holds, 0 when it does
 *     not say (cameras, image folders, formats without a count); a file source that ends before
 *     this count fails instead of ending normally
 */
public record SourceInfo(
    String description, int width, int height, double fps, boolean live, long declaredFrames) {
  /** A source without a declared frame count. */
  public SourceInfo(String description, int width, int height, double fps, boolean live) {
    this(description, width, height, fps, live, 0);
  }

  public SourceInfo {
    if (declaredFrames < 0) {
      throw new IllegalArgumentException(description + ": declared frames " + declaredFrames + " < 0");
    }
  }

  /** The same source with another declared frame count. */
  public SourceInfo declaring(long frames) {
    return new SourceInfo(description, width, height, fps, live, frames);
  }
}

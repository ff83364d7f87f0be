package org.expressionmirror.api;

/**
 * What to read frames from.
 *
 * @param location {@code camera:N} for a camera index, else the path of a video file, an image
 *     file or a folder of images
 * @param realtime pace a file at its own frame rate and drop frames that processing cannot keep up
 *     with, like a camera; cameras are always real time
 * @param recursive for a folder: read the images of its subfolders too, in name order, a
 *     subfolder's images where its name sorts among the files
 */
public record SourceSpec(String location, boolean realtime, boolean recursive) {
  public static final String CAMERA_PREFIX = "camera:";

  /** A source whose folder, if it is one, is read without its subfolders. */
  public SourceSpec(String location, boolean realtime) {
    this(location, realtime, false);
  }

  public SourceSpec {
    if (location == null || location.isBlank()) {
      throw new IllegalArgumentException("source must not be empty");
    }
  }

  public boolean isCamera() {
    return location.startsWith(CAMERA_PREFIX);
  }

  /** The camera index of a {@code camera:N} source. */
  public int cameraIndex() {
    String n = location.substring(CAMERA_PREFIX.length());
    try {
      return Integer.parseInt(n);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("camera index is not a number: '" + location + "'", e);
    }
  }
}

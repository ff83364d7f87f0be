package org.expressionmirror.capture.opencv.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * A path OpenCV's file functions can open. Java hands a path to OpenCV through JNI as modified
 * UTF-8, which spells a character outside the Basic Multilingual Plane (an emoji) differently
 * from the file system (and Windows builds take narrow, ANSI paths), so OpenCV would not find
 * such a file. A path with any character beyond ASCII is therefore opened through a link with an
 * ASCII name in the run's scratch folder ({@code java.io.tmpdir}), removed on {@link #close()}.
 *
 * @param path what to give OpenCV
 * @param link the link to remove, or null when {@code path} is the file itself
 */
record OpenCvPath(Path path, Path link) implements AutoCloseable {
  static OpenCvPath of(Path file) {
    String text = file.toAbsolutePath().toString();
    if (text.chars().allMatch(c -> c > 0 && c < 0x80)) {
      return new OpenCvPath(file, null);
    }
    Path link = Path.of(System.getProperty("java.io.tmpdir"))
        .resolve("opencv-" + UUID.randomUUID() + extension(file));
    try {
      Files.createSymbolicLink(link, file.toAbsolutePath());
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      try {
        Files.createLink(link, file.toAbsolutePath()); // where symbolic links need privileges
      } catch (IOException | UnsupportedOperationException | SecurityException e2) {
        return new OpenCvPath(file, null); // no link possible: OpenCV gets the path as it is
      }
    }
    return new OpenCvPath(link, link);
  }

  /** The file's extension when it is plain ASCII (some readers look at it), else none. */
  private static String extension(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String ext = dot < 0 ? "" : name.substring(dot);
    return ext.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '/' && c != '\\') ? ext : "";
  }

  @Override
  public void close() {
    if (link != null) {
      try {
        Files.deleteIfExists(link);
      } catch (IOException e) {
        // the scratch folder is removed when the run ends
      }
    }
  }
}

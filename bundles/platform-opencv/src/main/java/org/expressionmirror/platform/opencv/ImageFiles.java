package org.expressionmirror.platform.opencv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.opencv.core.CvException;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * Decodes image files for every bundle. The file is read by Java and its bytes decoded by OpenCV:
 * {@code Imgcodecs.imread} receives the path through JNI as modified UTF-8, which spells a
 * character outside the Basic Multilingual Plane (an emoji) differently from the file system, so
 * such a file was "not found" by OpenCV although it was there.
 */
public final class ImageFiles {
  private ImageFiles() {}

  /**
   * The image as an 8-bit BGR matrix (grey images get three equal channels), owned by the caller.
   *
   * @throws IOException naming the file: it cannot be read, or its bytes are no image OpenCV can
   *     decode (damaged, empty, or a format this build lacks)
   */
  public static Mat readBgr(Path file) throws IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException | OutOfMemoryError e) {
      throw new IOException("cannot read image: " + file + " (" + e + ")", e);
    }
    if (bytes.length == 0) {
      throw new IOException("cannot decode image: " + file + " (empty file)");
    }
    MatOfByte encoded = new MatOfByte(bytes);
    try {
      Mat image = Imgcodecs.imdecode(encoded, Imgcodecs.IMREAD_COLOR);
      if (image.empty()) {
        image.release();
        throw new IOException("cannot decode image: " + file);
      }
      return image;
    } catch (CvException e) {
      // a decoder's own check failed on damaged data: still just an unreadable image
      throw new IOException("cannot decode image: " + file + " (" + e.getMessage().strip() + ")", e);
    } finally {
      encoded.release();
    }
  }
}

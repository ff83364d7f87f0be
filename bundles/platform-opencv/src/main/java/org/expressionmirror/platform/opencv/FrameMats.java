package org.expressionmirror.platform.opencv;

import org.expressionmirror.api.Box;
import org.expressionmirror.api.Frame;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;

/**
 * Conversions between API frames and OpenCV matrices, written once for every bundle. Every
 * {@link Mat} returned is owned by the caller, who must {@link Mat#release()} it.
 */
public final class FrameMats {
  private FrameMats() {}

  /** A new CV_8UC3 matrix holding a copy of the frame's BGR bytes. */
  public static Mat toMat(Frame frame) {
    Mat mat = new Mat(frame.height(), frame.width(), CvType.CV_8UC3);
    mat.put(0, 0, frame.bgr());
    return mat;
  }

  /**
   * A new CV_8UC3 matrix holding a copy of the part of the frame inside {@code box}, cut to the
   * frame's bounds. Copies only those pixels: cropping a face out of {@link #toMat(Frame)} would
   * copy the whole frame for every face.
   *
   * @throws IllegalArgumentException when nothing of the box lies inside the frame
   */
  public static Mat toMat(Frame frame, Box box) {
    Box inside = box.clip(frame.width(), frame.height());
    if (inside.width() == 0 || inside.height() == 0) {
      throw new IllegalArgumentException(
          "box " + box + " lies outside the " + frame.width() + "x" + frame.height() + " image");
    }
    int rowBytes = inside.width() * 3;
    byte[] pixels = new byte[rowBytes * inside.height()];
    for (int y = 0; y < inside.height(); y++) {
      int from = (inside.y() + y) * frame.stride() + inside.x() * 3;
      System.arraycopy(frame.bgr(), from, pixels, y * rowBytes, rowBytes);
    }
    Mat mat = new Mat(inside.height(), inside.width(), CvType.CV_8UC3);
    mat.put(0, 0, pixels);
    return mat;
  }

  /**
   * A frame holding a copy of a CV_8UC3 matrix.
   *
   * @throws IllegalArgumentException when the matrix is empty or not 8-bit BGR
   */
  public static Frame toFrame(Mat bgr, long index, double timeMs) {
    return toFrame(bgr, index, timeMs, null);
  }

  /**
   * As {@link #toFrame(Mat, long, double)}, copying into {@code into} when it has exactly the
   * matrix's {@code cols * rows * 3} bytes (an array of a frame given back), else into a new array.
   */
  public static Frame toFrame(Mat bgr, long index, double timeMs, byte[] into) {
    if (bgr.empty() || bgr.type() != CvType.CV_8UC3) {
      throw new IllegalArgumentException(
          "frame " + index + ": expected a non-empty 8-bit BGR image, got " + bgr);
    }
    int length = bgr.cols() * bgr.rows() * 3;
    byte[] bytes = into != null && into.length == length ? into : new byte[length];
    if (bgr.isContinuous()) {
      bgr.get(0, 0, bytes);
    } else {
      // A view into a larger image has padded rows; a compact copy reads out in one call.
      Mat compact = bgr.clone();
      try {
        compact.get(0, 0, bytes);
      } finally {
        compact.release();
      }
    }
    return new Frame(index, timeMs, bgr.cols(), bgr.rows(), bytes);
  }

  /**
   * A view of the part of {@code image} inside {@code box}, cut to the image's bounds. The view
   * shares the image's pixels (no copy); release it as well as the image.
   *
   * @throws IllegalArgumentException when nothing of the box lies inside the image
   */
  public static Mat crop(Mat image, Box box) {
    Box inside = box.clip(image.cols(), image.rows());
    if (inside.width() == 0 || inside.height() == 0) {
      throw new IllegalArgumentException(
          "box " + box + " lies outside the " + image.cols() + "x" + image.rows() + " image");
    }
    return image.submat(toRect(inside));
  }

  public static Rect toRect(Box box) {
    return new Rect(box.x(), box.y(), box.width(), box.height());
  }

  public static Box toBox(Rect rect) {
    return new Box(rect.x, rect.y, rect.width, rect.height);
  }

  /** A box scaled by {@code factor} about the origin, e.g. back from a downscaled image. */
  public static Box scale(Box box, double factor) {
    int x = (int) Math.round(box.x() * factor);
    int y = (int) Math.round(box.y() * factor);
    int x1 = (int) Math.round((box.x() + box.width()) * factor);
    int y1 = (int) Math.round((box.y() + box.height()) * factor);
    return new Box(x, y, x1 - x, y1 - y);
  }
}

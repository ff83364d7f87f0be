package org.expressionmirror.display.swt.internal;

import java.nio.ByteOrder;
import org.eclipse.swt.internal.C;
import org.expressionmirror.api.Frame;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/**
 * Packs a BGR frame into a cairo image surface's 32-bit pixels with OpenCV's vectorised
 * conversion: on a little-endian machine cairo's native int 0xAARRGGBB is the bytes blue, green,
 * red, alpha, which is OpenCV's BGRA with alpha 255. The same loop in Java, compiled by the quick
 * compiler only (jvm.options), was about a quarter of the window thread's time at 30 frames per
 * second (perf). The two matrices are kept between frames and released on close. UI thread only.
 */
final class FramePacker implements AutoCloseable {
  private final Mat bgr = new Mat();
  private final Mat bgra = new Mat();

  /** Whether this machine's cairo pixels are OpenCV's BGRA bytes. */
  static boolean usable() {
    return ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;
  }

  /** Writes the frame into cairo pixel memory at {@code data}, rows {@code stride} bytes apart. */
  void pack(Frame frame, long data, int stride) {
    int w = frame.width();
    int h = frame.height();
    if (bgr.rows() != h || bgr.cols() != w) {
      bgr.create(h, w, CvType.CV_8UC3);
    }
    bgr.put(0, 0, frame.bgr());
    Imgproc.cvtColor(bgr, bgra, Imgproc.COLOR_BGR2BGRA);
    long rowBytes = w * 4L;
    long from = bgra.dataAddr();
    if (stride == rowBytes) {
      C.memmove(data, from, rowBytes * h);
      return;
    }
    for (int y = 0; y < h; y++) {
      C.memmove(data + (long) y * stride, from + y * rowBytes, rowBytes);
    }
  }

  @Override
  public void close() {
    bgr.release();
    bgra.release();
  }
}

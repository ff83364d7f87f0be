package org.expressionmirror.face.blazeface.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;
import org.expressionmirror.api.Frame;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * The model input of one detector, reused every frame: the frame letterboxed into a square, RGB,
 * scaled to [-1, 1] (x / 127.5 - 1), NHWC. Not thread-safe; the detector serialises calls.
 *
 * <p>The pipeline's region passes hand in crops of a different size nearly every frame, so the
 * padding is written only where the new letterbox needs it, and the pixels go through OpenCV
 * (resize, BGR to RGB, to float) into matrices that are kept from one frame to the next and
 * copied into the tensor a row at a time: no per-pixel Java loop, no frame-sized allocation.
 */
final class InputTensor implements AutoCloseable {
  /** Padding is black, as MediaPipe's letterbox; black is -1 after scaling. */
  private static final float PAD = -1f;

  private final int size;
  private final FloatBuffer buffer;
  /** One row of padding, to copy from. */
  private final float[] padRow;
  private final Mat source = new Mat();
  private final Mat scaled = new Mat();
  private final Mat rgb = new Mat();
  private final Mat scaledFloats = new Mat();
  private float[] floats = new float[0];

  InputTensor(int size) {
    this.size = size;
    // Direct and native-ordered so ONNX Runtime reads it in place without a copy.
    this.buffer =
        ByteBuffer.allocateDirect(size * size * 3 * Float.BYTES)
            .order(ByteOrder.nativeOrder())
            .asFloatBuffer();
    this.padRow = new float[size * 3];
    Arrays.fill(padRow, PAD);
  }

  int size() {
    return size;
  }

  /** Shape of the tensor, {1, size, size, 3}. */
  long[] shape() {
    return new long[] {1, size, size, 3};
  }

  /** The buffer, rewound, ready for {@code OnnxTensor.createTensor}. */
  FloatBuffer buffer() {
    return buffer.rewind();
  }

  /** Fills the buffer with {@code frame} and returns where the frame landed in it. */
  Letterbox fill(Frame frame) {
    Letterbox box = Letterbox.of(frame.width(), frame.height(), size);
    scaledFloats(frame, box);
    write(box);
    return box;
  }

  private void scaledFloats(Frame frame, Letterbox box) {
    if (source.rows() != frame.height() || source.cols() != frame.width()) {
      source.create(frame.height(), frame.width(), CvType.CV_8UC3);
    }
    source.put(0, 0, frame.bgr());
    // Area averaging when shrinking (no aliasing), bilinear when enlarging.
    boolean shrinking = box.scaledWidth() < frame.width();
    Imgproc.resize(
        source,
        scaled,
        new Size(box.scaledWidth(), box.scaledHeight()),
        0,
        0,
        shrinking ? Imgproc.INTER_AREA : Imgproc.INTER_LINEAR);
    Imgproc.cvtColor(scaled, rgb, Imgproc.COLOR_BGR2RGB);
    rgb.convertTo(scaledFloats, CvType.CV_32FC3, 1 / 127.5, -1);
    int n = box.scaledWidth() * box.scaledHeight() * 3;
    if (floats.length != n) {
      floats = new float[n];
    }
    scaledFloats.get(0, 0, floats);
  }

  /** The scaled pixels row by row, and padding around them where the letterbox leaves room. */
  private void write(Letterbox box) {
    int row = box.scaledWidth() * 3;
    int left = box.padX() * 3;
    int right = size * 3 - left - row;
    buffer.clear();
    for (int y = 0; y < size; y++) {
      int sy = y - box.padY();
      if (sy < 0 || sy >= box.scaledHeight()) {
        buffer.put(padRow);
        continue;
      }
      buffer.put(padRow, 0, left);
      buffer.put(floats, sy * row, row);
      buffer.put(padRow, 0, right);
    }
  }

  /** Frees the native matrices. */
  @Override
  public void close() {
    source.release();
    scaled.release();
    rgb.release();
    scaledFloats.release();
  }
}

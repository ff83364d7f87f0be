package org.expressionmirror.face.blazeface.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import org.expressionmirror.api.Frame;
import org.expressionmirror.platform.opencv.FrameMats;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * The model input of one detector, reused every frame: the frame letterboxed into a square, RGB,
 * scaled to [-1, 1] (x / 127.5 - 1), NHWC. Not thread-safe; the detector serialises calls.
 */
final class InputTensor {
  /** Padding is black, as MediaPipe's letterbox; black is -1 after scaling. */
  private static final float PAD = -1f;

  private final int size;
  private final FloatBuffer buffer;
  private byte[] pixels = new byte[0];
  private Letterbox last;

  InputTensor(int size) {
    this.size = size;
    // Direct and native-ordered so ONNX Runtime reads it in place without a copy.
    this.buffer =
        ByteBuffer.allocateDirect(size * size * 3 * Float.BYTES)
            .order(ByteOrder.nativeOrder())
            .asFloatBuffer();
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
    if (!box.equals(last)) {
      // The padding only changes with the frame size, so it is written once per size.
      fillPadding();
      pixels = new byte[box.scaledWidth() * box.scaledHeight() * 3];
      last = box;
    }
    scaledPixels(frame, box);
    writeRgb(box);
    return box;
  }

  private void fillPadding() {
    buffer.clear();
    while (buffer.hasRemaining()) {
      buffer.put(PAD);
    }
  }

  private void scaledPixels(Frame frame, Letterbox box) {
    Mat source = FrameMats.toMat(frame);
    Mat scaled = new Mat();
    try {
      // Area averaging when shrinking (no aliasing), bilinear when enlarging.
      boolean shrinking = box.scaledWidth() < frame.width();
      Imgproc.resize(
          source,
          scaled,
          new Size(box.scaledWidth(), box.scaledHeight()),
          0,
          0,
          shrinking ? Imgproc.INTER_AREA : Imgproc.INTER_LINEAR);
      scaled.get(0, 0, pixels);
    } finally {
      scaled.release();
      source.release();
    }
  }

  private void writeRgb(Letterbox box) {
    int w = box.scaledWidth();
    for (int y = 0; y < box.scaledHeight(); y++) {
      buffer.position(((y + box.padY()) * size + box.padX()) * 3);
      int row = y * w * 3;
      for (int x = 0; x < w; x++) {
        int at = row + x * 3;
        // BGR in, RGB out.
        buffer.put((pixels[at + 2] & 0xff) / 127.5f - 1f);
        buffer.put((pixels[at + 1] & 0xff) / 127.5f - 1f);
        buffer.put((pixels[at] & 0xff) / 127.5f - 1f);
      }
    }
  }
}

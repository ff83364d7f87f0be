package org.expressionmirror.display.swt.internal;

import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.expressionmirror.api.Frame;

/**
 * Turns BGR frames into SWT image data. SWT reads a 24-bit pixel as {@code b0<<16 | b1<<8 | b2},
 * so BGR bytes need no conversion with red in the low byte and blue in the high byte. Used on the
 * UI thread only; the mirror buffer is reused from frame to frame.
 */
final class FrameImages {
  static final PaletteData BGR = new PaletteData(0x0000FF, 0x00FF00, 0xFF0000);

  private byte[] mirrorBuffer = new byte[0];

  /** Image data of the frame, flipped left to right when {@code mirrored}. */
  ImageData toImageData(Frame frame, boolean mirrored) {
    byte[] pixels = mirrored ? mirror(frame) : frame.bgr();
    return new ImageData(frame.width(), frame.height(), 24, BGR, 1, pixels);
  }

  private byte[] mirror(Frame frame) {
    byte[] src = frame.bgr();
    if (mirrorBuffer.length != src.length) {
      mirrorBuffer = new byte[src.length];
    }
    int stride = frame.stride();
    for (int row = 0; row < frame.height(); row++) {
      int start = row * stride;
      for (int x = 0; x < frame.width(); x++) {
        int from = start + x * 3;
        int to = start + stride - 3 - x * 3;
        mirrorBuffer[to] = src[from];
        mirrorBuffer[to + 1] = src[from + 1];
        mirrorBuffer[to + 2] = src[from + 2];
      }
    }
    return mirrorBuffer;
  }
}

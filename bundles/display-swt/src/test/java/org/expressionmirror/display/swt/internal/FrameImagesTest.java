package org.expressionmirror.display.swt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.RGB;
import org.expressionmirror.api.Frame;
import org.junit.jupiter.api.Test;

class FrameImagesTest {
  /** 3x2 frame; pixel (x, y) has blue = 10x+1, green = 100+y, red = 200+x. */
  private static Frame frame() {
    byte[] bgr = new byte[3 * 2 * 3];
    for (int y = 0; y < 2; y++) {
      for (int x = 0; x < 3; x++) {
        int i = (y * 3 + x) * 3;
        bgr[i] = (byte) (10 * x + 1);
        bgr[i + 1] = (byte) (100 + y);
        bgr[i + 2] = (byte) (200 + x);
      }
    }
    return new Frame(0, 0, 3, 2, bgr);
  }

  private static RGB rgb(ImageData data, int x, int y) {
    return data.palette.getRGB(data.getPixel(x, y));
  }

  @Test
  void bgrBytesBecomeTheRightColoursWithoutACopy() {
    Frame frame = frame();
    ImageData data = FrameImages.toImageData(frame);
    assertEquals(new RGB(200, 100, 1), rgb(data, 0, 0));
    assertEquals(new RGB(202, 101, 21), rgb(data, 2, 1));
    // no per-frame copy of the pixels: the image data wraps the frame's bytes
    assertSame(frame.bgr(), data.data);
  }
}

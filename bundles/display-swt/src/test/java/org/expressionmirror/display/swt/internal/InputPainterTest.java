package org.expressionmirror.display.swt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.RGB;
import org.expressionmirror.api.ModelInput;
import org.junit.jupiter.api.Test;

/** The model's input as the window draws it: colours as fed, enlarged without blending pixels. */
class InputPainterTest {
  private static RGB rgb(ImageData data, int x, int y) {
    return data.palette.getRGB(data.getPixel(x, y));
  }

  @Test
  void greyIsEnlargedThreeTimesForSixtyFourPixelsWithSharpPixelEdges() {
    byte[] grey = new byte[64 * 64];
    for (int i = 0; i < grey.length; i++) {
      grey[i] = (byte) ((i % 64) * 4); // columns 0, 4, 8, ... 252
    }
    ModelInput input = new ModelInput("mx", 64, 64, ModelInput.GREY, grey, "64x64 grey, [-1,1]");
    assertEquals(3, InputPainter.factor(input));
    ImageData big = InputPainter.enlarged(input);
    assertEquals(192, big.width);
    assertEquals(192, big.height);
    // nearest-neighbour: window columns 3..5 all show input column 1, 6..8 column 2
    for (int x = 3; x < 6; x++) {
      assertEquals(new RGB(4, 4, 4), rgb(big, x, 10));
    }
    for (int x = 6; x < 9; x++) {
      assertEquals(new RGB(8, 8, 8), rgb(big, x, 100));
    }
  }

  @Test
  void rgbAndBgrInputsShowTheirTrueColours() {
    byte[] redThenBlue = {(byte) 250, 10, 20, 5, 15, (byte) 240};
    ImageData rgb = InputPainter.pixels(new ModelInput("fa", 2, 1, ModelInput.RGB, redThenBlue, "2x1 RGB"));
    assertEquals(new RGB(250, 10, 20), rgb(rgb, 0, 0));
    assertEquals(new RGB(5, 15, 240), rgb(rgb, 1, 0));
    ImageData bgr = InputPainter.pixels(new ModelInput("x", 2, 1, ModelInput.BGR, redThenBlue, "2x1 BGR"));
    assertEquals(new RGB(20, 10, 250), rgb(bgr, 0, 0));
    assertEquals(new RGB(240, 15, 5), rgb(bgr, 1, 0));
    assertEquals(2, InputPainter.factor(new ModelInput("fa", 112, 112, ModelInput.RGB, new byte[112 * 112 * 3], "")));
  }
}

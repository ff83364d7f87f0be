package org.expressionmirror.platform.opencv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.expressionmirror.api.Box;
import org.expressionmirror.api.Frame;
import org.expressionmirror.platform.opencv.internal.OpenCvLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

class FrameMatsTest {
  private static OpenCvRuntime runtime;

  @BeforeAll
  static void loadNatives() {
    runtime = new OpenCvLoader();
  }

  @Test
  void loaderReportsTheNativeVersion() {
    assertTrue(runtime.version().startsWith("4.9"), runtime.version());
  }

  @Test
  void frameToMatAndBackKeepsEveryByteInPlace() {
    Frame frame = patterned(7, 5);
    Mat mat = FrameMats.toMat(frame);
    try {
      assertEquals(CvType.CV_8UC3, mat.type());
      assertEquals(5, mat.rows());
      assertEquals(7, mat.cols());
      // Pixel (x=3, y=2) channel order is B, G, R as in the frame.
      double[] px = mat.get(2, 3);
      int at = (2 * 7 + 3) * 3;
      assertEquals(frame.bgr()[at] & 0xff, (int) px[0]);
      assertEquals(frame.bgr()[at + 2] & 0xff, (int) px[2]);
      Frame back = FrameMats.toFrame(mat, 9, 12.5);
      assertArrayEquals(frame.bgr(), back.bgr());
      assertEquals(9, back.index());
      assertEquals(12.5, back.timeMs());
    } finally {
      mat.release();
    }
  }

  @Test
  void cropIsClippedToTheImageAndReadsTheRightPixels() {
    Frame frame = patterned(10, 8);
    Mat mat = FrameMats.toMat(frame);
    Mat crop = FrameMats.crop(mat, new Box(6, -2, 10, 5));
    try {
      assertEquals(4, crop.cols());
      assertEquals(3, crop.rows());
      // A view into the frame is not continuous: toFrame must still copy the right pixels.
      Frame cut = FrameMats.toFrame(crop, 0, 0);
      int src = (1 * 10 + 7) * 3;
      int dst = (1 * 4 + 1) * 3;
      assertEquals(frame.bgr()[src], cut.bgr()[dst]);
      assertEquals(frame.bgr()[src + 1], cut.bgr()[dst + 1]);
    } finally {
      crop.release();
      mat.release();
    }
  }

  @Test
  void aFramesBoxCopiedToAMatEqualsTheCropOfTheWholeFrame() {
    Frame frame = patterned(10, 8);
    Mat whole = FrameMats.toMat(frame);
    Mat view = FrameMats.crop(whole, new Box(6, -2, 10, 5));
    Mat copy = FrameMats.toMat(frame, new Box(6, -2, 10, 5));
    try {
      assertEquals(CvType.CV_8UC3, copy.type());
      assertEquals(4, copy.cols());
      assertEquals(3, copy.rows());
      assertArrayEquals(FrameMats.toFrame(view, 0, 0).bgr(), FrameMats.toFrame(copy, 0, 0).bgr());
    } finally {
      copy.release();
      view.release();
      whole.release();
    }
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> FrameMats.toMat(frame, new Box(20, 0, 5, 5)));
    assertTrue(e.getMessage().contains("outside the 10x8 image"), e.getMessage());
  }

  @Test
  void cropOutsideTheImageIsRejected() {
    Mat mat = FrameMats.toMat(patterned(10, 8));
    try {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> FrameMats.crop(mat, new Box(20, 0, 5, 5)));
      assertTrue(e.getMessage().contains("outside the 10x8 image"), e.getMessage());
    } finally {
      mat.release();
    }
  }

  @Test
  void toFrameRejectsGreyImages() {
    Mat grey = new Mat(4, 4, CvType.CV_8UC1);
    try {
      assertThrows(IllegalArgumentException.class, () -> FrameMats.toFrame(grey, 3, 0));
    } finally {
      grey.release();
    }
  }

  @Test
  void scaleMapsADownscaledBoxBack() {
    assertEquals(new Box(20, 30, 40, 50), FrameMats.scale(new Box(10, 15, 20, 25), 2.0));
  }

  private static Frame patterned(int w, int h) {
    byte[] bgr = new byte[w * h * 3];
    for (int i = 0; i < bgr.length; i++) {
      bgr[i] = (byte) (i * 7 + i / 3);
    }
    return new Frame(0, 0, w, h, bgr);
  }
}

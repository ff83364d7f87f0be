package org.expressionmirror.endpoint.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.expressionmirror.api.Frame;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;

/** Real OpenCV decoding of what a request may carry. */
class ImageBodyTest {
  @BeforeAll
  static void openCv() {
    nu.pattern.OpenCV.loadLocally();
  }

  /** A {@code width} x {@code height} image of one BGR colour, encoded as {@code ext}. */
  private static byte[] encoded(String ext, int width, int height) {
    Mat image = new Mat(height, width, CvType.CV_8UC3, new Scalar(10, 20, 30));
    MatOfByte out = new MatOfByte();
    try {
      assertTrue(Imgcodecs.imencode(ext, image, out));
      return out.toArray();
    } finally {
      image.release();
      out.release();
    }
  }

  @Test
  void aPngBecomesAFrameOfItsSizeAndPixels() throws Rejected {
    Frame f = ImageBody.decode(encoded(".png", 40, 30), 24_000_000);
    assertEquals(40, f.width());
    assertEquals(30, f.height());
    assertEquals(10, f.bgr()[0]);
    assertEquals(20, f.bgr()[1]);
    assertEquals(30, f.bgr()[2]);
  }

  @Test
  void bytesThatAreNoImageAre415() {
    Rejected e = assertThrows(Rejected.class, () -> ImageBody.decode("{\"face\":1}".getBytes(), 24_000_000));
    assertEquals(415, e.status());
    assertTrue(e.getMessage().contains("10 bytes) is not an image"), e.getMessage());
  }

  @Test
  void aCutOffJpegIs415() {
    byte[] jpeg = encoded(".jpg", 64, 64);
    Rejected e = assertThrows(Rejected.class, () -> ImageBody.decode(Arrays.copyOf(jpeg, 20), 24_000_000));
    assertEquals(415, e.status());
  }

  @Test
  void anEmptyBodyIs400() {
    Rejected e = assertThrows(Rejected.class, () -> ImageBody.decode(new byte[0], 24_000_000));
    assertEquals(400, e.status());
  }

  @Test
  void anImageOverThePixelLimitIs413NamingItsSize() {
    Rejected e = assertThrows(Rejected.class, () -> ImageBody.decode(encoded(".png", 200, 100), 19_999));
    assertEquals(413, e.status());
    assertTrue(e.getMessage().startsWith("the image is 200x100 = 20000 pixels, over the limit of 19999"), e.getMessage());
  }
}

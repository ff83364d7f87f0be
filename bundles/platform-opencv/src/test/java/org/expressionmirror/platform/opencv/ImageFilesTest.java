package org.expressionmirror.platform.opencv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.expressionmirror.platform.opencv.internal.OpenCvLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;

class ImageFilesTest {
  @TempDir Path dir;

  @BeforeAll
  static void loadNatives() {
    new OpenCvLoader();
  }

  /** A lossless 6x4 PNG of one BGR colour written to {@code file}. */
  private static void writePng(Path file) throws IOException {
    Mat image = new Mat(4, 6, CvType.CV_8UC3, new Scalar(10, 20, 30));
    MatOfByte png = new MatOfByte();
    try {
      Imgcodecs.imencode(".png", image, png);
      Files.write(file, png.toArray());
    } finally {
      image.release();
      png.release();
    }
  }

  @Test
  void anImageWhosePathHasAnEmojiAndAccentsIsDecoded() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("café 😀"));
    Path file = folder.resolve("smile 😀 ñ.png");
    writePng(file);
    Mat image = ImageFiles.readBgr(file);
    try {
      assertEquals(CvType.CV_8UC3, image.type());
      assertEquals(6, image.cols());
      assertEquals(4, image.rows());
      assertArrayEquals(new double[] {10, 20, 30}, image.get(3, 5));
    } finally {
      image.release();
    }
  }

  @Test
  void aDamagedImageIsNamed() throws IOException {
    Path file = dir.resolve("broken.jpg");
    Files.write(file, new byte[] {(byte) 0xff, (byte) 0xd8, 1, 2, 3});
    IOException e = assertThrows(IOException.class, () -> ImageFiles.readBgr(file));
    assertEquals("cannot decode image: " + file, e.getMessage());
  }

  @Test
  void anEmptyFileIsNamed() throws IOException {
    Path file = Files.write(dir.resolve("empty.png"), new byte[0]);
    IOException e = assertThrows(IOException.class, () -> ImageFiles.readBgr(file));
    assertEquals("cannot decode image: " + file + " (empty file)", e.getMessage());
  }

  @Test
  void aMissingImageIsNamed() {
    Path file = dir.resolve("gone.png");
    IOException e = assertThrows(IOException.class, () -> ImageFiles.readBgr(file));
    assertEquals(true, e.getMessage().startsWith("cannot read image: " + file + " ("), e.getMessage());
  }
}

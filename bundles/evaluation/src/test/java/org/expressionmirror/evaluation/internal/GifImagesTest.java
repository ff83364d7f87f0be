package org.expressionmirror.evaluation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.expressionmirror.api.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GIF images arrive as BGR frames with the colours the file holds. */
class GifImagesTest {
  @TempDir Path dir;

  @Test
  void aGifBecomesABgrFrame() throws Exception {
    // blocks of red, green, blue and grey (GIF keeps these palette colours exactly)
    BufferedImage image = new BufferedImage(16, 8, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 8; y++) {
      for (int x = 0; x < 16; x++) {
        image.setRGB(x, y, x < 4 ? 0xff0000 : x < 8 ? 0x00ff00 : x < 12 ? 0x0000ff : 0x808080);
      }
    }
    Path gif = dir.resolve("face.gif");
    assertTrue(ImageIO.write(image, "gif", gif.toFile()), "the JDK writes GIF");
    Frame f = GifImages.read(gif, 7);
    assertEquals(7, f.index());
    assertEquals(16, f.width());
    assertEquals(8, f.height());
    assertEquals(16 * 8 * 3, f.bgr().length);
    // red: B, G, R = 0, 0, 255
    assertPixel(f, 0, 0, 0, 0, 255);
    assertPixel(f, 5, 3, 0, 255, 0);
    assertPixel(f, 9, 7, 255, 0, 0);
    assertPixel(f, 15, 7, 128, 128, 128);
  }

  @Test
  void aTransparentPixelBecomesBlack() throws Exception {
    // palette: 0 = white but transparent, 1 = red
    byte[] r = {(byte) 255, (byte) 255};
    byte[] g = {(byte) 255, 0};
    byte[] b = {(byte) 255, 0};
    BufferedImage image =
        new BufferedImage(16, 8, BufferedImage.TYPE_BYTE_INDEXED, new java.awt.image.IndexColorModel(8, 2, r, g, b, 0));
    for (int y = 0; y < 8; y++) {
      for (int x = 0; x < 16; x++) {
        image.getRaster().setSample(x, y, 0, x < 8 ? 0 : 1);
      }
    }
    Path gif = dir.resolve("clear.gif");
    assertTrue(ImageIO.write(image, "gif", gif.toFile()));
    Frame f = GifImages.read(gif, 0);
    assertPixel(f, 2, 2, 0, 0, 0);
    assertPixel(f, 12, 2, 0, 0, 255);
  }

  @Test
  void aBrokenGifIsAnIoErrorNamingTheFile() throws Exception {
    Path gif = dir.resolve("broken.gif");
    Files.writeString(gif, "GIF89a but not really");
    java.io.IOException e = assertThrows(java.io.IOException.class, () -> GifImages.read(gif, 0));
    assertTrue(e.getMessage().startsWith("cannot decode image: " + gif), e.getMessage());
    assertTrue(GifImages.isGif(Path.of("x.GIF")));
  }

  private static void assertPixel(Frame f, int x, int y, int b, int g, int r) {
    int at = y * f.stride() + x * 3;
    assertEquals(b, f.bgr()[at] & 0xff, "blue at " + x + "," + y);
    assertEquals(g, f.bgr()[at + 1] & 0xff, "green at " + x + "," + y);
    assertEquals(r, f.bgr()[at + 2] & 0xff, "red at " + x + "," + y);
  }
}

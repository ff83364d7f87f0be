package org.expressionmirror.launcher;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * A screenshot of an X display taken with {@code xwd -root} (Debian: x11-apps), read here from
 * X's own dump format, so window tests need no image tool beside the X server. Reads the
 * true-colour layouts Xvfb uses (ZPixmap, 24 or 32 bits a pixel, with the colour masks and byte
 * order of the header).
 */
final class XwdScreen {
  private XwdScreen() {}

  /** The root window of {@code display}, also written to {@code png} for a person to look at. */
  static BufferedImage grab(String display, Path png) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("xwd", "-root", "-silent", "-display", display).start();
    byte[] dump = p.getInputStream().readAllBytes();
    String err = new String(p.getErrorStream().readAllBytes());
    if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IOException("xwd -root -display " + display + " failed (package x11-apps): " + err);
    }
    BufferedImage image = read(dump);
    Files.createDirectories(png.toAbsolutePath().getParent());
    ImageIO.write(image, "png", png.toFile());
    return image;
  }

  static BufferedImage read(byte[] dump) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(dump));
    int[] h = new int[25];
    for (int i = 0; i < h.length; i++) {
      h[i] = in.readInt(); // the header is big-endian whatever the pixels' byte order
    }
    int headerSize = h[0];
    int width = h[4];
    int height = h[5];
    boolean lsbFirst = h[7] == 0;
    int bitsPerPixel = h[11];
    int bytesPerLine = h[12];
    int[] masks = {h[14], h[15], h[16]};
    int colours = h[19];
    if (h[2] != 2 || (bitsPerPixel != 24 && bitsPerPixel != 32)) {
      throw new IOException("xwd dump is not a 24- or 32-bit ZPixmap (format " + h[2] + ", " + bitsPerPixel + " bits)");
    }
    int bytesPerPixel = bitsPerPixel / 8;
    int pixels = headerSize + colours * 12;
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int at = pixels + y * bytesPerLine + x * bytesPerPixel;
        int v = lsbFirst ? littleEndian(dump, at, bytesPerPixel) : bigEndian(dump, at, bytesPerPixel);
        image.setRGB(x, y, channel(v, masks[0]) << 16 | channel(v, masks[1]) << 8 | channel(v, masks[2]));
      }
    }
    return image;
  }

  private static int channel(int value, int mask) {
    return (value & mask) >>> Integer.numberOfTrailingZeros(mask) & 0xFF;
  }

  private static int littleEndian(byte[] b, int at, int n) {
    int v = 0;
    for (int i = n - 1; i >= 0; i--) {
      v = v << 8 | (b[at + i] & 0xFF);
    }
    return v;
  }

  private static int bigEndian(byte[] b, int at, int n) {
    int v = 0;
    for (int i = 0; i < n; i++) {
      v = v << 8 | (b[at + i] & 0xFF);
    }
    return v;
  }
}

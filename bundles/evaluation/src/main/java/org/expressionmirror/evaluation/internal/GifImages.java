package org.expressionmirror.evaluation.internal;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.expressionmirror.api.Frame;

/**
 * GIF images, which the OpenCV build in use does not decode: read with {@code javax.imageio} (its
 * first frame) and turned into an 8-bit BGR image, the layout every other image arrives in.
 */
public final class GifImages {
  private GifImages() {}

  public static boolean isGif(Path file) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gif");
  }

  /** The first frame as a BGR frame; a transparent pixel becomes black. */
  public static Frame read(Path file, long index) throws IOException {
    BufferedImage image;
    try (var in = Files.newInputStream(file)) {
      image = ImageIO.read(in);
    } catch (IOException | RuntimeException e) {
      throw new IOException("cannot decode image: " + file + " (" + e.getMessage() + ")", e);
    }
    if (image == null) {
      throw new IOException("cannot decode image: " + file);
    }
    // Pixel by pixel through the colour model rather than drawn with Graphics2D, which would start
    // AWT's graphics environment (and look for an X server when DISPLAY is set).
    int w = image.getWidth();
    int h = image.getHeight();
    int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
    byte[] bgr = new byte[w * h * 3];
    for (int i = 0; i < argb.length; i++) {
      int p = (argb[i] >>> 24) == 0 ? 0 : argb[i];
      bgr[3 * i] = (byte) p;
      bgr[3 * i + 1] = (byte) (p >> 8);
      bgr[3 * i + 2] = (byte) (p >> 16);
    }
    return new Frame(index, 0, w, h, bgr);
  }
}

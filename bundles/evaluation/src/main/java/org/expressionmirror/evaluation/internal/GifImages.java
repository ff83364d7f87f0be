package org.expressionmirror.evaluation.internal;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.expressionmirror.api.Frame;

/**
 * GIF images, which the OpenCV build in use does not decode: read with {@code javax.imageio} (its
 * first frame) and drawn into an 8-bit BGR image, the layout every other image arrives in.
 */
final class GifImages {
  private GifImages() {}

  static boolean isGif(Path file) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gif");
  }

  /** The first frame as a BGR frame; a transparent pixel becomes black. */
  static Frame read(Path file, long index) throws IOException {
    BufferedImage image;
    try (var in = Files.newInputStream(file)) {
      image = ImageIO.read(in);
    } catch (IOException | RuntimeException e) {
      throw new IOException("cannot decode image: " + file + " (" + e.getMessage() + ")", e);
    }
    if (image == null) {
      throw new IOException("cannot decode image: " + file);
    }
    // TYPE_3BYTE_BGR stores B, G, R per pixel, row after row: the Frame layout
    BufferedImage bgr = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = bgr.createGraphics();
    try {
      g.drawImage(image, 0, 0, null);
    } finally {
      g.dispose();
    }
    byte[] bytes = ((DataBufferByte) bgr.getRaster().getDataBuffer()).getData();
    return new Frame(index, 0, bgr.getWidth(), bgr.getHeight(), bytes);
  }
}

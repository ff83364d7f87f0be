package org.expressionmirror.itests;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Test media made from the real photos of the models artifact with javax.imageio only: OpenCV's
 * natives belong to the framework's platform bundle and must not be loaded a second time.
 */
final class Media {
  static final int FRAME_WIDTH = 320;
  static final int FRAME_HEIGHT = 240;
  private static final int WINDOW_WIDTH = 560;
  private static final int WINDOW_HEIGHT = 420;

  private Media() {}

  static Path photo(String name) {
    Path p = Paths.photos().resolve(name);
    if (!Files.isRegularFile(p)) {
      throw new IllegalStateException("test photo missing: " + p);
    }
    return p;
  }

  /**
   * A folder of {@code n} PNG frames, a camera slowly panning over the one face of sample4.jpg
   * (the face stays whole in every frame), scaled to 320x240. Made once and reused.
   */
  static synchronized Path panFolder(int n) throws IOException {
    Path dir = Paths.work().resolve("media").resolve("pan-" + n);
    if (Files.isDirectory(dir) && count(dir) == n) {
      return dir;
    }
    BufferedImage photo = ImageIO.read(photo("sample4.jpg").toFile());
    Path tmp = dir.resolveSibling(dir.getFileName() + ".tmp");
    delete(tmp);
    delete(dir);
    Files.createDirectories(tmp);
    for (int i = 0; i < n; i++) {
      // the face is near (990..1200, 180..420) in the photo
      BufferedImage window = photo.getSubimage(740 + 2 * i, 50 + i, WINDOW_WIDTH, WINDOW_HEIGHT);
      ImageIO.write(scaled(window), "png", tmp.resolve(String.format("frame-%03d.png", i)).toFile());
    }
    Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
    return dir;
  }

  private static BufferedImage scaled(BufferedImage source) {
    BufferedImage out = new BufferedImage(FRAME_WIDTH, FRAME_HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = out.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.drawImage(source, 0, 0, FRAME_WIDTH, FRAME_HEIGHT, null);
    } finally {
      g.dispose();
    }
    return out;
  }

  private static void delete(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.toList()) {
          Files.delete(f);
        }
      }
      Files.delete(dir);
    }
  }

  private static long count(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".png")).count();
    }
  }
}

package org.expressionmirror.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Show what the model sees" in the built program's window on a private X server: with the
 * ensemble of both shipped models and a photo (read once, before the key: the pipeline reads the
 * model's input again for its newest frame), typing {@code i} draws beside the face, right of its frame,
 * mini-Xception's 64x64 grey input enlarged 3x with nearest-neighbour (a block of grey pixels
 * with many levels and sharp 3-pixel steps) and face-api's 112x112 colour input beside it; before
 * the key there is no such block. The screenshot is left in target/model-input-window.png.
 */
class ModelInputWindowIT {
  /** The frame around a read face (Palette.FACE). */
  private static final int FACE = 0x00E676;
  /** The window's warning colour (Palette.warning), in which "The source ended" is written. */
  private static final int WARNING = 0xFFB74D;
  private static final long WINDOW_WAIT_S = 240;

  @TempDir static Path work;
  private static PrivateDisplay x11;

  @BeforeAll
  static void startXvfb() throws Exception {
    assertTrue(DistributionRun.built(), "no distribution in " + DistributionRun.DIST);
    x11 = PrivateDisplay.start(work);
  }

  @AfterAll
  static void stopXvfb() {
    if (x11 != null) {
      x11.close();
    }
  }

  @Test
  void typingIDrawsEachModelsInputBesideTheFace() throws Exception {
    Path photo = onePersonPhoto();
    Path config = configWith("model=ensemble");
    Path target = Path.of(System.getProperty("mirror.target", "target"));
    DistributionRun.Started mirror =
        DistributionRun.start(
            work, Map.of("DISPLAY", x11.name()), "--source", photo.toString(), "--config", config.toString());
    DistributionRun.Result result;
    BufferedImage before;
    BufferedImage after = null;
    Rectangle face;
    Rectangle patch = null;
    try {
      String window = x11.awaitWindow(mirror.process(), WINDOW_WAIT_S);
      // the photo is read once, before the key: the window asks for the model's input afterwards
      before =
          await(target.resolve("model-input-before.png"), s -> faceFrame(s) != null && count(s, WARNING) >= 100, 120);
      face = faceFrame(before);
      assertNotNull(face, "no face frame in the window within 120 s; see model-input-before.png");
      assertNull(greyPatch(before, face), "a grey block beside the face before the option was on");
      x11.xdotool("windowfocus", "--sync", window, "key", "i");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (patch == null && System.nanoTime() < deadline) {
        Thread.sleep(500);
        after = XwdScreen.grab(x11.name(), target.resolve("model-input-window.png"));
        patch = greyPatch(after, face);
      }
      x11.xdotool("windowfocus", "--sync", window, "key", "q");
      result = mirror.await(30);
    } finally {
      mirror.process().destroyForcibly();
    }
    assertEquals(0, result.exit(), result.err());
    assertNotNull(patch, "no grey model input beside the face " + face + " within 30 s; see model-input-window.png");
    // 64 pixels 3x: 192 window pixels each way
    assertTrue(Math.abs(patch.width - 192) <= 6 && Math.abs(patch.height - 192) <= 6, "grey block " + patch);
    assertTrue(patch.x > face.x + face.width, "grey block " + patch + " is not right of the face " + face);
    assertTrue(!patch.intersects(face), "grey block " + patch + " covers the face " + face);
    assertTrue(patch.y < face.y + face.height + 300 && patch.y + patch.height > face.y - 300, patch + " far from " + face);
    assertTrue(levels(after, patch) > 60, levels(after, patch) + " grey levels in " + patch);
    // nearest-neighbour: two of three neighbours in a row are copies of the same input pixel
    double same = sameNeighbours(after, patch);
    assertTrue(same > 0.6, "only " + same + " of neighbouring pixels equal: blurred, not nearest-neighbour");
    // face-api's input is in colour, beside the grey one (the members' order decides the side)
    int coloured =
        Math.max(
            colouredPixels(after, patch.x - 260, patch.y - 20, 250, patch.height + 60),
            colouredPixels(after, patch.x + patch.width + 10, patch.y - 20, 250, patch.height + 60));
    assertTrue(coloured > 150 * 150, coloured + " colour pixels beside the grey input");
  }

  /** One person cut out of a real group photo. */
  private static Path onePersonPhoto() throws IOException {
    BufferedImage photo = ImageIO.read(DistributionRun.PHOTOS.resolve("sample5.jpg").toFile());
    int w = 600;
    int h = 420;
    BufferedImage frame = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = frame.createGraphics();
    // the face near the right edge: mirrored, it is on the left with room for the panels on its right
    g.drawImage(photo.getSubimage(420, 60, w, h), 0, 0, null);
    g.dispose();
    Path file = work.resolve("one-face.png");
    ImageIO.write(frame, "png", file.toFile());
    return file;
  }

  /** The project's runtime-config with one line of mirror.pipeline.cfg replaced. */
  private static Path configWith(String modelLine) throws IOException {
    Path config = Files.createDirectories(work.resolve("config"));
    try (Stream<Path> files = Files.list(DistributionRun.CONFIG)) {
      for (Path f : files.toList()) {
        Files.copy(f, config.resolve(f.getFileName()));
      }
    }
    Path pipeline = config.resolve("mirror.pipeline.cfg");
    Files.writeString(pipeline, Files.readString(pipeline).replaceAll("(?m)^model=.*$", modelLine));
    return config;
  }

  private interface Check {
    boolean ok(BufferedImage screen);
  }

  private static BufferedImage await(Path png, Check check, long seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    BufferedImage screen = XwdScreen.grab(x11.name(), png);
    while (!check.ok(screen) && System.nanoTime() < deadline) {
      Thread.sleep(500);
      screen = XwdScreen.grab(x11.name(), png);
    }
    return screen;
  }

  /** The bounds of the face frame's colour, or null. */
  private static Rectangle faceFrame(BufferedImage s) {
    Rectangle r = null;
    for (int y = 0; y < s.getHeight(); y++) {
      for (int x = 0; x < s.getWidth(); x++) {
        if ((s.getRGB(x, y) & 0xFFFFFF) == FACE) {
          r = r == null ? new Rectangle(x, y, 1, 1) : r.union(new Rectangle(x, y, 1, 1));
        }
      }
    }
    return r != null && r.width > 40 && r.height > 40 ? r : null;
  }

  private static int count(BufferedImage s, int rgb) {
    int n = 0;
    for (int y = 0; y < s.getHeight(); y++) {
      for (int x = 0; x < s.getWidth(); x++) {
        if ((s.getRGB(x, y) & 0xFFFFFF) == rgb) {
          n++;
        }
      }
    }
    return n;
  }

  private static boolean midGrey(int rgb) {
    int r = rgb >> 16 & 0xFF;
    int g = rgb >> 8 & 0xFF;
    int b = rgb & 0xFF;
    return r == g && g == b && r > 0 && r < 255;
  }

  /**
   * The largest block right of the face (where there is room for it) whose rows and columns are mostly mid-grey pixels (r = g =
   * b, neither black nor white): the rows of a picture, not of a caption's antialiased text.
   */
  private static Rectangle greyPatch(BufferedImage s, Rectangle face) {
    int x0 = face.x + face.width;
    int x1 = s.getWidth();
    BitSet rows = new BitSet();
    for (int y = 0; y < s.getHeight(); y++) {
      int n = 0;
      for (int x = x0; x < x1; x++) {
        if (midGrey(s.getRGB(x, y))) {
          n++;
        }
      }
      // 192 in a row unless "The source ended", written over the middle of the image, covers some
      if (n >= 120) {
        rows.set(y);
      }
    }
    int top = -1;
    int height = 0;
    for (int y = rows.nextSetBit(0); y >= 0; y = rows.nextSetBit(rows.nextClearBit(y))) {
      int run = rows.nextClearBit(y) - y;
      if (run > height) {
        top = y;
        height = run;
      }
    }
    if (height < 150) {
      return null;
    }
    int left = -1;
    int right = -1;
    for (int x = x0; x < x1; x++) {
      int n = 0;
      for (int y = top; y < top + height; y++) {
        if (midGrey(s.getRGB(x, y))) {
          n++;
        }
      }
      if (n >= height * 3 / 4) {
        left = left < 0 ? x : left;
        right = x;
      }
    }
    return left < 0 ? null : new Rectangle(left, top, right - left + 1, height);
  }

  private static long levels(BufferedImage s, Rectangle r) {
    BitSet seen = new BitSet(256);
    for (int y = r.y; y < r.y + r.height; y++) {
      for (int x = r.x; x < r.x + r.width; x++) {
        seen.set(s.getRGB(x, y) & 0xFF);
      }
    }
    return seen.cardinality();
  }

  private static double sameNeighbours(BufferedImage s, Rectangle r) {
    long same = 0;
    long pairs = 0;
    for (int y = r.y; y < r.y + r.height; y++) {
      for (int x = r.x; x + 1 < r.x + r.width; x++) {
        pairs++;
        if (s.getRGB(x, y) == s.getRGB(x + 1, y)) {
          same++;
        }
      }
    }
    return (double) same / pairs;
  }

  private static int colouredPixels(BufferedImage s, int x0, int y0, int width, int height) {
    int n = 0;
    for (int y = Math.max(0, y0); y < Math.min(s.getHeight(), y0 + height); y++) {
      for (int x = Math.max(0, x0); x < Math.min(s.getWidth(), x0 + width); x++) {
        int rgb = s.getRGB(x, y);
        int r = rgb >> 16 & 0xFF;
        int g = rgb >> 8 & 0xFF;
        int b = rgb & 0xFF;
        if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 12) {
          n++;
        }
      }
    }
    return n;
  }
}

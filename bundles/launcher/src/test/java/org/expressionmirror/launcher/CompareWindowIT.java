package org.expressionmirror.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.expressionmirror.platform.ffmpeg.internal.TestVideoWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compare mode in the window of the built program, on a private X server read with xwd: A and B
 * bars side by side beside each face, B's bars on their own track colour under a header in the
 * compare colour, and the second detector's faces framed in that colour. The screenshot is kept
 * in target/compare-window.png for a person to look at.
 */
class CompareWindowIT {
  /** The empty part of a B bar (Palette.COMPARE_TRACK). */
  private static final int B_TRACK = 0x481838;
  /** B's header and the second detector's frames (Palette.COMPARE). */
  private static final int COMPARE = 0xFF40A0;
  /** The expression colours of the bars (Palette). */
  private static final List<Integer> EXPRESSIONS =
      List.of(0xE53935, 0xA1887F, 0x9CCC65, 0xAB47BC, 0xFFCA28, 0x90A4AE, 0x42A5F5, 0xFF7043);
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
  void aAndBBarsAreDrawnSideBySideAndTheSecondDetectorsFacesInTheirOwnColour() throws Exception {
    Path clip = work.resolve("clip.avi");
    BufferedImage photo = ImageIO.read(DistributionRun.PHOTOS.resolve("sample3.jpg").toFile());
    int w = 640;
    int h = (int) Math.round(photo.getHeight() * (double) w / photo.getWidth() / 2) * 2;
    TestVideoWriter.write(clip, "mjpeg", 10, 1, w, h, Collections.nCopies(600, BgrFrames.scaled(photo, w, h)));
    Path config = Files.createDirectories(work.resolve("config"));
    Files.writeString(
        config.resolve("mirror.pipeline.cfg"),
        "detector=haar\nmodel=faceapi-expression\nsmoother=ema\n"
            + "compare.model=minixception-fer2013\ncompare.detector=blazeface-back\n");
    DistributionRun.Started mirror =
        DistributionRun.start(
            work, Map.of("DISPLAY", x11.name()), "--source", clip.toString(), "--realtime", "--config", config.toString());
    Path shot = Path.of(System.getProperty("mirror.target", "target")).resolve("compare-window.png");
    BufferedImage screen = null;
    int track = 0;
    int compare = 0;
    DistributionRun.Result result;
    try {
      String window = x11.awaitWindow(mirror.process(), WINDOW_WAIT_S);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while ((track < 600 || compare < 200) && System.nanoTime() < deadline) {
        Thread.sleep(1000);
        screen = XwdScreen.grab(x11.name(), shot);
        track = count(screen, full(screen), B_TRACK);
        compare = count(screen, full(screen), COMPARE);
      }
      x11.xdotool("windowfocus", "--sync", window, "key", "q");
      result = mirror.await(30);
    } finally {
      mirror.process().destroyForcibly();
    }
    assertTrue(track >= 600, "B bar tracks: " + track + " pixels; see " + shot);
    assertTrue(compare >= 200, "B headers and the second detector's frames: " + compare + " pixels; see " + shot);
    // the B bars themselves: expression colours where the B tracks are drawn
    BufferedImage last = screen;
    Rectangle bColumn = bounds(last, B_TRACK);
    int bBars = EXPRESSIONS.stream().mapToInt(c -> count(last, bColumn, c)).sum();
    assertTrue(bBars >= 150, "expression colour in the B bars " + bColumn + ": " + bBars + " pixels; see " + shot);
    assertEquals(0, result.exit(), result.err());
  }

  private static Rectangle full(BufferedImage image) {
    return new Rectangle(0, 0, image.getWidth(), image.getHeight());
  }

  /** The smallest rectangle holding every pixel of colour {@code rgb}. */
  private static Rectangle bounds(BufferedImage image, int rgb) {
    Rectangle r = null;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
          r = r == null ? new Rectangle(x, y, 1, 1) : r.union(new Rectangle(x, y, 1, 1));
        }
      }
    }
    return r == null ? new Rectangle() : r;
  }

  private static int count(BufferedImage image, Rectangle r, int rgb) {
    int n = 0;
    for (int y = r.y; y < Math.min(image.getHeight(), r.y + r.height); y++) {
      for (int x = r.x; x < Math.min(image.getWidth(), r.x + r.width); x++) {
        if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
          n++;
        }
      }
    }
    return n;
  }

}

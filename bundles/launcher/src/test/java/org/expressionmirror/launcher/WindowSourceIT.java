package org.expressionmirror.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.expressionmirror.platform.ffmpeg.internal.TestVideoWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window and its source, on a private X server (Xvfb) whose screen is read with xwd. A camera that cannot open: the window shows the error in its own colour at once (it
 * used to wait for a first frame for ever, the error only on the terminal); no camera exists on a
 * build machine, and camera 7 exists on hardly any other. A video: the window shows it from its
 * first frame (the source waits for the window), so the timeline holds the clip from 0 s.
 */
class WindowSourceIT {
  /** Happiness and neutral lines on the timeline (Palette). */
  private static final int HAPPINESS = 0xFFCA28;
  private static final int NEUTRAL = 0x90A4AE;

  /** The window's warning colour (Palette.warning), in which the failure is written. */
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
  void aCameraThatCannotOpenIsExplainedInTheWindow() throws Exception {
    DistributionRun.Started mirror =
        DistributionRun.start(work, Map.of("DISPLAY", x11.name()), "--source", "camera:7");
    DistributionRun.Result result;
    int warning = 0;
    Path shot = Path.of(System.getProperty("mirror.target", "target")).resolve("camera-failure-window.png");
    try {
      String window = x11.awaitWindow(mirror.process(), WINDOW_WAIT_S);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (warning < 300 && System.nanoTime() < deadline) {
        Thread.sleep(500);
        warning = warningPixels(grabScreen(shot));
      }
      x11.xdotool("windowfocus", "--sync", window, "key", "q");
      result = mirror.await(30);
    } finally {
      mirror.process().destroyForcibly();
    }
    assertTrue(warning >= 300, "no failure message in the window within 30 s (" + warning + " pixels); see " + shot);
    assertEquals(0, result.exit(), result.err());
    assertTrue(result.err().contains("camera 7 did not open"), result.err());
  }

  @Test
  void aVideoIsShownFromItsFirstFrame() throws Exception {
    Path clip = work.resolve("clip.avi");
    // 4 s at 10 frames a second of a real photo, written by FFmpeg's own encoder (no ffmpeg program)
    BufferedImage photo = ImageIO.read(DistributionRun.PHOTOS.resolve("sample1.jpg").toFile());
    int w = 640;
    int h = (int) Math.round(photo.getHeight() * 640.0 / photo.getWidth() / 2) * 2;
    TestVideoWriter.write(clip, "mjpeg", 10, 1, w, h, Collections.nCopies(40, BgrFrames.scaled(photo, w, h)));
    DistributionRun.Started mirror =
        DistributionRun.start(work, Map.of("DISPLAY", x11.name()), "--source", clip.toString(), "--realtime");
    DistributionRun.Result result;
    Path shot = Path.of(System.getProperty("mirror.target", "target")).resolve("video-from-first-frame-window.png");
    BufferedImage screen = null;
    int ended = 0;
    try {
      String window = x11.awaitWindow(mirror.process(), WINDOW_WAIT_S);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      // "The video ended" is written in the warning colour
      while (ended < 100 && System.nanoTime() < deadline) {
        Thread.sleep(500);
        screen = grabScreen(shot);
        ended = warningPixels(screen);
      }
      x11.xdotool("windowfocus", "--sync", window, "key", "q");
      result = mirror.await(30);
    } finally {
      mirror.process().destroyForcibly();
    }
    // one line of antialiased text: fewer pixels of exactly its colour than the camera's two lines
    assertTrue(ended >= 100, "the window did not say the video ended within 120 s (" + ended + " pixels); see " + shot);
    assertEquals(0, result.exit(), result.err());
    // the left tenth of the timeline: the clip's first second, drawn only if its frames were shown
    int lines = count(screen, 6, 600, 128, 160, HAPPINESS) + count(screen, 6, 600, 128, 160, NEUTRAL);
    assertTrue(lines > 20, "the timeline's left edge has " + lines + " line pixels; see " + shot);
  }

  private static int warningPixels(BufferedImage image) {
    return count(image, 0, 0, image.getWidth(), image.getHeight(), WARNING);
  }

  private static int count(BufferedImage image, int x0, int y0, int width, int height, int rgb) {
    int n = 0;
    for (int y = y0; y < Math.min(image.getHeight(), y0 + height); y++) {
      for (int x = x0; x < Math.min(image.getWidth(), x0 + width); x++) {
        if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
          n++;
        }
      }
    }
    return n;
  }

  private static BufferedImage grabScreen(Path png) throws IOException, InterruptedException {
    return XwdScreen.grab(x11.name(), png);
  }
}

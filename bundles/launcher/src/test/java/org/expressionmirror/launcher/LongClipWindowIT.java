package org.expressionmirror.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * A long realtime clip in the window plays to its end. A 600-pixel-wide MJPEG clip (4:2:0, a width
 * no multiple of 16) made swscale write past the decoder's BGR buffer on every frame; the corrupted
 * C heap killed the window program ("double free or corruption", exit 134) 10 to 36 s into the
 * clip, while the 4-second clips of the other window tests ended before it showed.
 */
class LongClipWindowIT {
  /** The window's warning colour (Palette.warning), in which "the video ended" is written. */
  private static final int WARNING = 0xFFB74D;
  private static final long WINDOW_WAIT_S = 240;
  private static final int FPS = 5;
  private static final int FRAMES = 250; // 50 s at 5 frames a second

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
  void aFiftySecondClipPlaysToItsEndInTheWindow() throws Exception {
    Path clip = work.resolve("long.avi");
    BufferedImage photo = ImageIO.read(DistributionRun.PHOTOS.resolve("sample1.jpg").toFile());
    int w = 600;
    int h = 420;
    TestVideoWriter.write(clip, "mjpeg", FPS, 1, w, h, Collections.nCopies(FRAMES, BgrFrames.scaled(photo, w, h)));
    Path record = work.resolve("long.jsonl");
    DistributionRun.Started mirror = DistributionRun.start(work, Map.of("DISPLAY", x11.name()),
        "--source", clip.toString(), "--realtime", "--out", record.toString());
    DistributionRun.Result result;
    Path shot = Path.of(System.getProperty("mirror.target", "target")).resolve("long-clip-window.png");
    int ended = 0;
    boolean died = false;
    try {
      String window = x11.awaitWindow(mirror.process(), WINDOW_WAIT_S);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(FRAMES / FPS + 60);
      while (ended < 100 && System.nanoTime() < deadline) {
        Thread.sleep(1000);
        if (!mirror.process().isAlive()) {
          died = true;
          break;
        }
        ended = warningPixels(XwdScreen.grab(x11.name(), shot));
      }
      if (!died) {
        x11.xdotool("windowfocus", "--sync", window, "key", "q");
      }
      result = mirror.await(30);
    } finally {
      mirror.process().destroyForcibly();
    }
    assertFalse(died, "the program died while playing the clip, exit " + result.exit()
        + "; stdout: " + result.out() + "; stderr: " + result.err());
    assertTrue(ended >= 100, "the window did not say the video ended within "
        + (FRAMES / FPS + 60) + " s (" + ended + " pixels); see " + shot);
    assertEquals(0, result.exit(), result.err());
    assertTrue(result.out().contains("summary: " + clip), result.out());
    assertTrue(Files.isRegularFile(record), "no complete record " + record);
    List<String> lines = Files.readAllLines(record);
    assertTrue(lines.get(lines.size() - 1).startsWith("{\"end\":\"complete\""),
        lines.get(lines.size() - 1));
    // realtime may drop frames on a busy machine, but every frame shown is recorded
    assertTrue(lines.size() - 1 >= FRAMES / 4, lines.size() + " lines in " + record);
  }

  private static int warningPixels(BufferedImage image) {
    int n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xFFFFFF) == WARNING) {
          n++;
        }
      }
    }
    return n;
  }
}

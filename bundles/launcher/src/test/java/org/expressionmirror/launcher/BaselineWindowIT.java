package org.expressionmirror.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window as a user drives it, on an X server of its own, over a video of a real photo with one
 * face: at a low {@code labelThreshold} more than three labels are drawn beside the face; {@code n} (xdotool,
 * real X input) shows the three-second countdown, after which every bar of the face carries the
 * baseline's tick; Backspace clears it. Screenshots in target/.
 */
class BaselineWindowIT {
  /** Colours of the window's palette (display-swt Palette): exact, as rectangles are drawn unsmoothed. */
  private static final int FACE = 0x00E676;
  private static final int BASELINE = 0x00E5FF;
  /** The bars' own colours: the empty part of a bar, then the expressions'. */
  private static final Set<Integer> BAR_COLOURS =
      Set.of(0x121214, 0xE53935, 0xA1887F, 0x9CCC65, 0xAB47BC, 0xFFCA28, 0x90A4AE, 0x42A5F5, 0xFF7043);
  /** A bar is 10 pixels high (display-swt FacePainter: row 20, less 5 above and below). */
  private static final int BAR_HEIGHT = 10;
  private static final int TIMELINE_HEIGHT = 146;
  private static final int TICK_HEIGHT = 16;

  @TempDir static Path work;
  private static PrivateDisplay x11;

  @BeforeAll
  static void startXvfb() throws Exception {
    x11 = PrivateDisplay.start(work);
  }

  @AfterAll
  static void stopXvfb() {
    if (x11 != null) {
      x11.close();
    }
  }

  @Test
  void labelsAboveTheThresholdAndTheNeutralBaselineAreDrawn() throws Exception {
    Path clip = clip();
    // sample4's face in this clip reads happiness 92 %, neutral 8 %, sadness 0.7 %, then anger,
    // surprise and disgust at 0.01 to 0.03 %: a threshold of 0.0001 adds rows below the top 3
    Path config = config("0.0001");
    DistributionRun.Started mirror =
        DistributionRun.start(
            work, Map.of("DISPLAY", x11.name()), "--source", clip.toString(), "--realtime", "--config", config.toString());
    Path target = Path.of(System.getProperty("mirror.target", "target"));
    DistributionRun.Result result;
    int labels;
    int before;
    int countdown = 0;
    int ticks = 0;
    int tickRows = 0;
    int cleared;
    try {
      String window = x11.awaitWindow(mirror.process(), 240);
      BufferedImage screen = awaitFaces(target.resolve("labels-window.png"), 240);
      int above = aboveTimeline(window);
      labels = barRows(screen, above);
      before = count(screen, above, BASELINE);
      x11.xdotool("windowfocus", "--sync", window, "key", "n");
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
      while (countdown < 300 && System.nanoTime() < end) {
        countdown = count(grab(target.resolve("baseline-countdown-window.png")), above, BASELINE);
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (tickRows < 3 && System.nanoTime() < deadline) {
        Thread.sleep(500);
        screen = grab(target.resolve("baseline-window.png"));
        ticks = count(screen, above, BASELINE);
        tickRows = verticalRuns(screen, above, BASELINE, TICK_HEIGHT);
      }
      x11.xdotool("windowfocus", "--sync", window, "key", "BackSpace");
      Thread.sleep(1000);
      cleared = count(grab(target.resolve("baseline-cleared-window.png")), above, BASELINE);
      x11.xdotool("windowfocus", "--sync", window, "key", "q");
      result = mirror.await(30);
    } finally {
      mirror.process().destroyForcibly();
    }
    assertTrue(labels >= 4, "only " + labels + " label rows beside the face; see labels-window.png");
    assertTrue(before < 20, "baseline colour before any baseline: " + before + " pixels");
    assertTrue(countdown >= 300, "no countdown bar within 3 s of n: " + countdown + " pixels");
    assertTrue(tickRows >= 3, "baseline ticks on " + tickRows + " bars (" + ticks + " pixels); see baseline-window.png");
    assertTrue(cleared < 20, "Backspace left " + cleared + " baseline pixels");
    assertEquals(0, result.exit(), result.err());
  }

  /** Screenshots until the face's frame is drawn: frames flow. */
  private static BufferedImage awaitFaces(Path png, long seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      BufferedImage screen = grab(png);
      if (count(screen, screen.getHeight(), FACE) > 200) {
        Thread.sleep(1500); // the smoother settles on the repeated frame
        return grab(png);
      }
      Thread.sleep(500);
    }
    throw new AssertionError("no face frame drawn within " + seconds + " s; see " + png);
  }

  /** 120 s at 10 frames a second of sample4 (one face), so frames still flow when n is typed. */
  private static Path clip() throws IOException {
    Path photo = DistributionRun.PHOTOS.resolve("sample4.jpg");
    byte[] jpeg = MjpegAvi.frames(photo, 480, 1).get(0);
    BufferedImage first = ImageIO.read(new ByteArrayInputStream(jpeg));
    Path clip = work.resolve("one-face.avi");
    MjpegAvi.write(clip, Collections.nCopies(1200, jpeg), first.getWidth(), first.getHeight(), 10, 1200);
    return clip;
  }

  /** The shipped runtime-config with {@code labelThreshold} set. */
  private static Path config(String threshold) throws IOException {
    Path config = Files.createDirectories(work.resolve("config"));
    try (Stream<Path> files = Files.list(DistributionRun.CONFIG)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.copy(f, config.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Path pipeline = config.resolve("mirror.pipeline.cfg");
    String kept = Files.readString(pipeline).replaceAll("(?m)^labelThreshold=.*$", "");
    Files.writeString(pipeline, kept + "\nlabelThreshold=" + threshold + "\n");
    return config;
  }

  /** The screen row where the window's timeline starts (its colours are the bars' colours too). */
  private static int aboveTimeline(String window) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder("xdotool", "getwindowgeometry", "--shell", window).redirectErrorStream(true);
    pb.environment().put("DISPLAY", x11.name());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(20, TimeUnit.SECONDS), "xdotool hung");
    int y = value(out, "Y");
    int height = value(out, "HEIGHT");
    return y + height - TIMELINE_HEIGHT - 4;
  }

  private static int value(String shell, String key) {
    return shell.lines()
        .filter(l -> l.startsWith(key + "="))
        .map(l -> Integer.parseInt(l.substring(key.length() + 1).strip()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + key + " in " + shell));
  }

  private static BufferedImage grab(Path png) throws IOException, InterruptedException {
    return XwdScreen.grab(x11.name(), png);
  }

  private static int count(BufferedImage image, int height, int rgb) {
    int n = 0;
    for (int y = 0; y < Math.min(height, image.getHeight()); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
          n++;
        }
      }
    }
    return n;
  }

  /**
   * How many bars one column crosses at most: a bar's first column is {@link #BAR_HEIGHT} pixels
   * of its expression's colour, or of the empty bar's for a reading under half a percent.
   */
  private static int barRows(BufferedImage image, int height) {
    int most = 0;
    for (int x = 0; x < image.getWidth(); x++) {
      int bars = 0;
      int run = 0;
      for (int y = 0; y < Math.min(height, image.getHeight()); y++) {
        if (BAR_COLOURS.contains(image.getRGB(x, y) & 0xFFFFFF)) {
          run++;
          continue;
        }
        bars += run == BAR_HEIGHT ? 1 : 0;
        run = 0;
      }
      most = Math.max(most, bars);
    }
    return most;
  }

  /** Vertical runs of at least {@code length} pixels of {@code rgb}, counted once per tick (3 px wide). */
  private static int verticalRuns(BufferedImage image, int height, int rgb, int length) {
    int runs = 0;
    for (int x = 0; x < image.getWidth(); x++) {
      int run = 0;
      for (int y = 0; y < Math.min(height, image.getHeight()); y++) {
        run = (image.getRGB(x, y) & 0xFFFFFF) == rgb ? run + 1 : 0;
        if (run == length) {
          runs++;
        }
      }
    }
    return runs / 3;
  }
}

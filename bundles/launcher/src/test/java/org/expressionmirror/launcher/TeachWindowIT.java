package org.expressionmirror.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.expressionmirror.platform.ffmpeg.internal.TestVideoWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Teach mode as a user drives it, on an X server of its own, with a video standing in for the
 * camera: the first part shows one real face (sample4), the second another (a face of sample2).
 * Keys typed with xdotool (real X input): T opens Teach mode, 5 chooses happiness, H holds it for 3
 * s (twice) on the first face; 6 chooses neutral, H holds it on the second; Enter trains. The
 * record (--out) then names the model {@code personal}, which reads the second face as neutral;
 * the window's title shows the cross-validated accuracy; nothing is written into the models
 * folder until S (save) and Return in the name dialog, which writes the model pair there, its
 * description saying one person. Screenshot: target/teach-window.png.
 */
class TeachWindowIT {
  private static final long WINDOW_WAIT_S = 240;
  private static final int FPS = 10;
  /** First face until here (40 s), the second after it (to 120 s). */
  private static final int SWITCH = 400;
  private static final int FRAMES = 1200;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern ACCURACY = Pattern.compile("personal model: (\\d+) % cross-validated");

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
  void teachingTwoExpressionsSwapsInThePersonalModelWithItsAccuracy() throws Exception {
    Path clip = clip();
    Path record = work.resolve("teach.jsonl");
    Path partial = work.resolve("teach.jsonl.partial");
    DistributionRun.Started mirror = DistributionRun.start(work, Map.of("DISPLAY", x11.name()),
        "--source", clip.toString(), "--realtime", "--out", record.toString());
    Path shot = Path.of(System.getProperty("mirror.target", "target")).resolve("teach-window.png");
    DistributionRun.Result result;
    Path models = DistributionRun.userData(work).resolve("models");
    List<String> saved;
    String title;
    double firstHoldEnd;
    double secondHoldStart;
    try {
      String window = x11.awaitWindow(mirror.process(), WINDOW_WAIT_S);
      DistributionRun.awaitRecording(mirror, partial, WINDOW_WAIT_S);
      key(window, "t");
      key(window, "5");
      hold(window);
      hold(window);
      firstHoldEnd = lastTime(partial);
      assertTrue(firstHoldEnd < SWITCH * 1000.0 / FPS,
          "the first face was gone before its holds ended (t = " + firstHoldEnd + " ms): the machine is too slow for this clip");
      awaitTime(mirror, partial, SWITCH * 1000.0 / FPS + 1000, 120);
      key(window, "6");
      secondHoldStart = lastTime(partial);
      hold(window);
      hold(window);
      key(window, "Return");
      awaitModel(mirror, partial, "personal@", 90);
      Thread.sleep(1500); // the smoother settles on the personal model's readings
      XwdScreen.grab(x11.name(), shot);
      title = windowName(window);
      // not saved yet: nothing in the user's models folder
      assertEquals(List.of(), files(models));
      key(window, "s");
      String dialog = awaitWindow("Save the personal model", 30);
      x11.xdotool("windowfocus", "--sync", dialog, "key", "Return");
      awaitFile(models.resolve("my-face.json"), 60);
      saved = files(models);
      key(window, "q");
      result = mirror.await(60);
    } finally {
      mirror.process().destroyForcibly();
    }
    assertEquals(0, result.exit(), result.err());
    Matcher m = ACCURACY.matcher(title);
    assertTrue(m.find(), "no accuracy in the window title '" + title + "'; see " + shot);
    // two different faces held still: the folds tell them apart
    assertTrue(Integer.parseInt(m.group(1)) >= 90, title);

    Path written = Files.isRegularFile(record) ? record : partial;
    List<JsonNode> personal = new ArrayList<>();
    for (String line : Files.readAllLines(written)) {
      JsonNode n = JSON.readTree(line);
      if (n.has("model") && n.get("model").asText().startsWith("personal@")) {
        personal.add(n);
      }
    }
    assertFalse(personal.isEmpty(), "no frame read by the personal model in " + written);
    JsonNode frame = personal.get(personal.size() - 1);
    assertTrue(frame.get("t_ms").asDouble() > secondHoldStart, frame.toString());
    JsonNode scores = frame.get("faces").get(0).get("scores");
    List<String> labels = new ArrayList<>();
    scores.fieldNames().forEachRemaining(labels::add);
    Collections.sort(labels);
    assertEquals(List.of("happiness", "neutral"), labels, frame.toString());
    assertTrue(scores.get("neutral").asDouble() > 0.5, "the second face, taught as neutral: " + frame);

    // saved: the model pair with its golden file, its description saying one person
    assertEquals(List.of("my-face.golden.json", "my-face.json", "my-face.onnx"), saved);
    JsonNode source = JSON.readTree(models.resolve("my-face.json").toFile()).get("source");
    assertTrue(source.get("onePerson").asBoolean(), source.toString());
    assertEquals(List.of("happiness", "neutral"),
        List.of(JSON.readTree(models.resolve("my-face.json").toFile()).get("output").get("canonical").get(0).asText(),
            JSON.readTree(models.resolve("my-face.json").toFile()).get("output").get("canonical").get(1).asText()));
  }

  /** The names of the files in a folder, sorted; none when it does not exist. */
  private static List<String> files(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static String awaitWindow(String name, long seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      List<String> ids = x11.xdotool("search", "--onlyvisible", "--name", name);
      if (!ids.isEmpty()) {
        return ids.get(0);
      }
      Thread.sleep(250);
    }
    throw new AssertionError("no window '" + name + "' within " + seconds + " s");
  }

  private static void awaitFile(Path file, long seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!Files.isRegularFile(file)) {
      assertTrue(System.nanoTime() < deadline, file + " not written within " + seconds + " s");
      Thread.sleep(250);
    }
  }

  /** H, then the three seconds of the hold and a little more. */
  private static void hold(String window) throws Exception {
    key(window, "h");
    Thread.sleep(3600);
  }

  private static void key(String window, String key) throws Exception {
    x11.xdotool("windowfocus", "--sync", window, "key", key);
  }

  /** The clip: 40 s of sample4's face, then 80 s of a face of sample2, at 10 frames a second, 480x360. */
  private static Path clip() throws IOException {
    int w = 480;
    int h = 360;
    BufferedImage first = ImageIO.read(DistributionRun.PHOTOS.resolve("sample4.jpg").toFile());
    BufferedImage second = ImageIO.read(DistributionRun.PHOTOS.resolve("sample2.jpg").toFile()).getSubimage(1190, 0, 720, 540);
    byte[] a = BgrFrames.scaled(first, w, h);
    byte[] b = BgrFrames.scaled(second, w, h);
    List<byte[]> frames = new ArrayList<>(Collections.nCopies(SWITCH, a));
    frames.addAll(Collections.nCopies(FRAMES - SWITCH, b));
    Path clip = work.resolve("two-faces.avi");
    TestVideoWriter.write(clip, "mjpeg", FPS, 1, w, h, frames);
    return clip;
  }

  /** The source time of the newest recorded frame. */
  private static double lastTime(Path partial) throws IOException {
    List<String> lines = Files.readAllLines(partial);
    for (int i = lines.size() - 1; i >= 0; i--) {
      try {
        JsonNode n = JSON.readTree(lines.get(i));
        if (n.has("t_ms")) {
          return n.get("t_ms").asDouble();
        }
      } catch (IOException e) {
        // a line being written
      }
    }
    return -1;
  }

  private static void awaitTime(DistributionRun.Started run, Path partial, double ms, long seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (lastTime(partial) < ms) {
      assertTrue(run.process().isAlive(), "ended by itself: " + Files.readString(run.err()));
      assertTrue(System.nanoTime() < deadline, "the clip did not reach " + ms + " ms within " + seconds + " s");
      Thread.sleep(250);
    }
  }

  private static void awaitModel(DistributionRun.Started run, Path partial, String model, long seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!Files.readString(partial).contains("\"model\":\"" + model)) {
      assertTrue(run.process().isAlive(), "ended by itself: " + Files.readString(run.err()));
      assertTrue(System.nanoTime() < deadline,
          "no frame read by " + model + " within " + seconds + " s; stderr: " + Files.readString(run.err()));
      Thread.sleep(250);
    }
  }

  private static String windowName(String window) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder("xdotool", "getwindowname", window).redirectErrorStream(true);
    pb.environment().put("DISPLAY", x11.name());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(20, TimeUnit.SECONDS), "xdotool hung");
    return out.strip();
  }
}

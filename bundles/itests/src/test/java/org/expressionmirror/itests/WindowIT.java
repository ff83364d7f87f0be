package org.expressionmirror.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.expressionmirror.api.FaceResult;
import org.expressionmirror.api.FrameResult;
import org.expressionmirror.api.MirrorView;
import org.expressionmirror.api.ResultListener;
import org.expressionmirror.api.RunSummary;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

/**
 * (d) The program with its window, the distribution's {@code mirror} feature, on an X server
 * (Xvfb): the face frame is drawn where the detector put the face, with the bars beside it; a
 * detector chosen in the window's menu is used by the pipeline from the next frames on, with no
 * frame lost. Leaves target/window-it.png for a human to look at.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class WindowIT {
  static final int FRAMES = 80;
  private static final long WINDOW_TIMEOUT_MS = 30_000;
  private static final long RUN_TIMEOUT_MS = 90_000;
  /** Pixels a drawn frame edge may be off its expected place (the frame's line is 3 px wide). */
  private static final int TOLERANCE = 3;

  @Configuration
  public Option[] config() {
    return windowOptions("WindowIT");
  }

  /**
   * The mirror feature, with no source at start (the feature's camera 0 would only fail here) and
   * SWT's natives extracted under target/ instead of ~/.swt.
   */
  static Option[] windowOptions(String name) {
    Path swt = Paths.work().resolve("swt-" + name);
    try {
      Files.createDirectories(swt); // SWT cannot extract into a missing folder
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Option[] {
      composite(MirrorOptions.feature("mirror", name)),
      frameworkProperty("mirror.source").value(""),
      systemProperty("swt.library.path").value(swt.toString())
    };
  }

  /** Fails (never skips) when the build gave this JVM no X display. */
  static void requireDisplay() throws IOException {
    String display = System.getenv("DISPLAY");
    if (display == null || !display.matches("[^:]*:\\d+(\\.\\d+)?")) {
      String log = System.getProperty("itests.xvfbLog", "");
      String why = log.isEmpty() || !Files.isRegularFile(Path.of(log)) ? "" : Files.readString(Path.of(log)).trim();
      throw new AssertionError(
          "no X display for the window test: DISPLAY='" + display + "'; Xvfb: " + why + " (" + log + ")");
    }
  }

  static Path target() {
    return Paths.work().getParent();
  }

  @Test
  public void drawsTheFaceFrameWhereTheDetectorPutTheFaceWithTheBarsBesideIt() throws Exception {
    requireDisplay();
    try (Mirror mirror = new Mirror(this)) {
      mirror.configure(Mirror.PIPELINE, Map.of("detector", "haar", "smoother", "ema"));
      mirror.awaitPipeline(Map.of("detector", "haar", "smoother", "ema"), 10_000);
      WindowDriver window = WindowDriver.await(WINDOW_TIMEOUT_MS);
      // the window copies what it paints later: the pipeline may hand frame arrays back
      ServiceTracker<MirrorView, MirrorView> copying =
          new ServiceTracker<>(
              mirror.context(),
              mirror.context().createFilter("(&(objectClass=" + MirrorView.class.getName() + ")("
                  + MirrorView.COPIES_PIXELS + "=true))"),
              null);
      copying.open();
      try {
        assertNotNull("the window's view copies the pixels it keeps", copying.waitForService(WINDOW_TIMEOUT_MS));
      } finally {
        copying.close();
      }
      // hold the stream on the first frame after frame 5 with exactly one face, read
      Hold hold =
          new Hold(r -> r.frame() >= 5 && r.faces().size() == 1 && r.faces().get(0).read());
      ServiceRegistration<ResultListener> holding =
          mirror.context().registerService(ResultListener.class, hold, null);
      Recorder recorder = mirror.listen(0);
      try {
        mirror.play(Media.panFolder(FRAMES));
        FrameResult shown = hold.awaitHeld(RUN_TIMEOUT_MS);
        window.flush(); // the window renders the frame it was handed before the hold
        WindowDriver.Shot shot = window.screenshot();
        shot.save(target().resolve("window-it.png"));
        checkFaceFrameAndBars(shot, shown.faces().get(0));
      } finally {
        hold.release();
        holding.unregister();
      }
      RunSummary summary = recorder.awaitEnd(RUN_TIMEOUT_MS);
      assertEquals("run error", "", summary.error());
      assertEquals("frames", FRAMES, recorder.results().size());
    }
  }

  private static void checkFaceFrameAndBars(WindowDriver.Shot shot, FaceResult face) {
    WindowView.Area area = WindowView.imageArea(shot, Media.FRAME_WIDTH, Media.FRAME_HEIGHT);
    // the window mirrors by default (mirror.display: mirrored = true)
    WindowView.Rect expected = area.map(face.box(), Media.FRAME_WIDTH, true);
    WindowView.Rect image =
        new WindowView.Rect(area.left(), area.top(), area.left() + area.width() - 1, area.top() + area.height() - 1);
    WindowView.Rect drawn = WindowView.bounds(shot, WindowView.FACE, image);
    String where = "face " + face.box() + " in image area " + area + ": expected " + expected + ", drawn " + drawn;
    assertNotNull("a face frame is drawn; " + where, drawn);
    assertTrue("the face frame is where the detector put the face; " + where, drawn.near(expected, TOLERANCE));
    WindowView.Rect unmirrored = area.map(face.box(), Media.FRAME_WIDTH, false);
    if (!unmirrored.near(expected, 10)) {
      assertTrue("the frame is mirrored with the image; " + where, !drawn.near(unmirrored, TOLERANCE));
    }
    int edges = WindowView.count(shot, WindowView.FACE, image);
    int perimeter = 2 * (expected.x1() - expected.x0() + expected.y1() - expected.y0());
    assertTrue("a closed frame: " + edges + " frame pixels, perimeter " + perimeter, edges >= 2 * perimeter);

    // the readings panel is right of the frame, or left of it when there is no room
    WindowView.Rect beside =
        new WindowView.Rect(drawn.x0() - 260, drawn.y0() - 4, drawn.x1() + 260, drawn.y0() + 70);
    List<Map.Entry<String, Double>> top = face.smoothed().top(3);
    for (Map.Entry<String, Double> e : top) {
      long barWidth = Math.round(90 * e.getValue());
      if (barWidth < 3) {
        continue; // too short to count on
      }
      int pixels = WindowView.count(shot, WindowView.BARS.get(e.getKey()), beside);
      assertTrue(
          e.getKey() + " " + e.getValue() + ": a bar beside the face of about " + barWidth
              + " x 10 px, found " + pixels + " px; readings " + top,
          pixels >= barWidth * 10 * 7 / 10);
    }
  }

  @Test
  public void aDetectorChosenInTheWindowMenuIsUsedFromTheNextFramesWithoutLosingOne()
      throws Exception {
    requireDisplay();
    try (Mirror mirror = new Mirror(this)) {
      mirror.configure(Mirror.PIPELINE, Map.of("detector", "haar", "smoother", "ema"));
      mirror.awaitPipeline(Map.of("detector", "haar", "smoother", "ema"), 10_000);
      WindowDriver window = WindowDriver.await(WINDOW_TIMEOUT_MS);
      awaitMenuItem(window, "Detector", "blazeface");
      long pipelineId = mirror.pipelineServiceId();
      Recorder recorder = mirror.listen(40); // a slow listener: the stream lasts a few seconds
      mirror.play(Media.panFolder(FRAMES));
      assertTrue("frames flow", recorder.awaitCount(8, RUN_TIMEOUT_MS));

      int before = recorder.count();
      window.choose("Detector", "blazeface");
      Optional<FrameResult> switched =
          recorder.await(r -> r.detector().startsWith("blazeface@"), 10_000);
      assertTrue("blazeface in the records after the menu choice", switched.isPresent());
      assertTrue(
          "the switch comes after the choice: frame " + switched.get().frame() + " >= " + before,
          switched.get().frame() >= before);
      RunSummary summary = recorder.awaitEnd(RUN_TIMEOUT_MS);

      assertEquals("run error", "", summary.error());
      List<FrameResult> results = recorder.results();
      assertEquals("frames in the summary", FRAMES, summary.frames());
      assertEquals("records", FRAMES, results.size());
      long first = switched.get().frame();
      for (int i = 0; i < FRAMES; i++) {
        FrameResult r = results.get(i);
        assertEquals("record " + i + " is frame " + i, i, r.frame());
        String want = i < first ? "haar@" : "blazeface@";
        assertTrue("frame " + i + " names " + r.detector() + ", want " + want, r.detector().startsWith(want));
      }
      assertEquals("one run, one end", 1, recorder.ends().size());
      assertEquals("the pipeline component was not re-created", pipelineId, mirror.pipelineServiceId());
      Object detector =
          mirror.service(ConfigurationAdmin.class)
              .getConfiguration(Mirror.PIPELINE, "?")
              .getProperties()
              .get("detector");
      assertEquals("the window wrote the choice to mirror.pipeline", "blazeface", detector);
    }
  }

  /** The window lists the detectors registered when the menu opens: wait for one to show. */
  private static void awaitMenuItem(WindowDriver window, String menu, String item) throws Exception {
    long deadline = System.currentTimeMillis() + 20_000;
    List<String> items = window.items(menu);
    while (!items.contains(item) && System.currentTimeMillis() < deadline) {
      Thread.sleep(200);
      items = window.items(menu);
    }
    assertTrue("menu " + menu + " offers " + item + ": " + items, items.contains(item));
  }
}

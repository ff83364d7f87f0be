package org.expressionmirror.display.swt.internal;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.expressionmirror.api.Box;
import org.expressionmirror.api.Distribution;
import org.expressionmirror.api.FaceResult;
import org.expressionmirror.api.Frame;
import org.expressionmirror.api.FrameResult;
import org.expressionmirror.api.RunSummary;
import org.expressionmirror.api.StageTimes;

/**
 * Runs the window checks in a JVM whose DISPLAY names the test's X server (GTK reads DISPLAY from
 * the process environment, which a running JVM cannot change). Prints one {@code CHECK name PASS}
 * or {@code CHECK name FAIL why} line per check; {@link MirrorWindowTest} asserts on them.
 *
 * <p>Arguments: the photo to show, the folder for screenshots.
 */
public final class WindowChecks {
  static final Box MAIN = new Box(1480, 220, 210, 220);
  static final Box OTHER = new Box(415, 355, 190, 190);
  static final Distribution SMILE =
      new Distribution(
          Map.of("happiness", 0.72, "surprise", 0.14, "neutral", 0.09, "sadness", 0.05));

  private final Frame photo;
  private final Path out;
  private final InMemoryConfigStore store = new InMemoryConfigStore();
  private final AtomicInteger closed = new AtomicInteger();
  private WindowThread ui;
  private MirrorWindow window;
  private Display display;

  private WindowChecks(Frame photo, Path out) {
    this.photo = photo;
    this.out = out;
  }

  public static void main(String[] args) throws Exception {
    WindowChecks checks = new WindowChecks(load(new File(args[0])), Path.of(args[1]));
    Files.createDirectories(checks.out);
    if (args.length > 2 && args[2].equals("scaled")) {
      checks.runScaled();
    } else {
      checks.runAll();
    }
    System.exit(0);
  }

  interface Check {
    void run() throws Exception;
  }

  /** The checks for a display scaled by 2 (the JVM runs with GDK_SCALE=2). */
  private void runScaled() throws Exception {
    Map<String, Check> checks = new LinkedHashMap<>();
    checks.put("scaledOpens", this::opens);
    checks.put("scaledDisplayGetsANewImagePerFrame", this::scaledDisplayGetsANewImagePerFrame);
    run(checks);
  }

  private void runAll() throws Exception {
    Map<String, Check> checks = new LinkedHashMap<>();
    checks.put("opens", this::opens);
    checks.put("frameAtBoxEdgesNotMirrored", () -> frameAtBoxEdges(false));
    checks.put("frameAtBoxEdgesMirrored", () -> frameAtBoxEdges(true));
    checks.put("onlyMyFace", this::onlyMyFace);
    checks.put("unreadFace", this::unreadFace);
    checks.put("coalescing", this::coalescing);
    checks.put("timelineMarksSwap", this::timelineMarksSwap);
    // after the timeline checks: it shows frame 6 again, which a timeline reads as a restart
    checks.put("mirroredImageIsTheFlippedPhoto", this::mirroredImageIsTheFlippedPhoto);
    checks.put("aNewFrameReplacesThePixelsShown", this::aNewFrameReplacesThePixelsShown);
    checks.put("aLentFrameIsPaintedFromACopy", this::aLentFrameIsPaintedFromACopy);
    checks.put("menuEditsConfiguration", this::menuEditsConfiguration);
    checks.put("sourceFailureAndRetry", this::sourceFailureAndRetry);
    checks.put("statusFitsTheWidth", this::statusFitsTheWidth);
    checks.put("timelineAxisFitsAShortClip", this::timelineAxisFitsAShortClip);
    checks.put("cameraFailureOffersTheChooser", this::cameraFailureOffersTheChooser);
    checks.put("endedVideoOffersPlayAgain", this::endedVideoOffersPlayAgain);
    checks.put("quitKeyClosesAndDisposes", this::quitKeyClosesAndDisposes);
    checks.put("closeWhileBuilding", this::closeWhileBuilding);
    run(checks);
  }

  private static void run(Map<String, Check> checks) {
    for (Map.Entry<String, Check> c : checks.entrySet()) {
      try {
        c.getValue().run();
        System.out.println("CHECK " + c.getKey() + " PASS");
      } catch (Throwable e) {
        System.out.println("CHECK " + c.getKey() + " FAIL " + e.toString().replace('\n', ' '));
        e.printStackTrace(System.out);
      }
    }
  }

  // --- checks ---

  private void opens() throws Exception {
    Choices choices = new Choices();
    choices.add(Choices.Kind.DETECTOR, "r1", "haar");
    choices.add(Choices.Kind.DETECTOR, "r2", "blazeface");
    choices.add(Choices.Kind.MODEL, "r3", "minixception-fer2013");
    choices.add(Choices.Kind.SMOOTHER, "r4", "ema");
    choices.add(Choices.Kind.SMOOTHER, "r5", "window");
    store.write("mirror.pipeline", Map.of("detector", "haar", "model", "minixception-fer2013"), false);
    AtomicReference<String> failure = new AtomicReference<>();
    ui =
        new WindowThread(
                d ->
                    new MirrorWindow(
                        d, true, false, new Controls(store), choices, Runnable::run,
                        closed::incrementAndGet),
                failure::set)
            .start();
    window = ui.awaitWindow(60_000); // a loaded 2-core machine took over 20 s
    require(window != null, "no window: " + failure.get());
    display = window.shell().getDisplay();
    window.setSource("sample1.jpg");
  }

  private void frameAtBoxEdges(boolean mirrored) throws Exception {
    onUi(
        () -> {
          window.applyView(mirrored, false);
          return null;
        });
    ImageData shot = showAndGrab(result(7, List.of(face(1, MAIN))));
    save(shot, mirrored ? "mirror-window.png" : "mirror-window-not-mirrored.png");

    Rectangle box = expectedBox(MAIN, mirrored);
    int midY = box.y + box.height / 2;
    int midX = box.x + box.width / 2;
    requireColour(shot, box.x, midY, Palette.FACE, "left edge");
    requireColour(shot, box.x + box.width, midY, Palette.FACE, "right edge");
    requireColour(shot, midX, box.y, Palette.FACE, "top edge");
    requireColour(shot, midX, box.y + box.height, Palette.FACE, "bottom edge");
    Rectangle elsewhere = expectedBox(MAIN, !mirrored);
    require(
        !rgb(shot, elsewhere.x, elsewhere.y + elsewhere.height / 2).equals(Palette.FACE),
        "a frame where the other orientation would put it");

    int barPixels = countColour(shot, besideBox(box), paletteRgb("happiness"));
    require(barPixels > 200, "happiness bar beside the face: " + barPixels + " pixels");
    int surprise = countColour(shot, besideBox(box), paletteRgb("surprise"));
    require(surprise > 20 && surprise < barPixels, "surprise bar shorter: " + surprise);

    int statusHeight = onUi(window::statusHeight);
    Rectangle status = new Rectangle(0, 0, shot.width, statusHeight);
    int text = shot.width * statusHeight - countColour(shot, status, new RGB(0, 0, 0));
    require(text > 300, "status line text pixels: " + text);
  }

  /**
   * The mirror view flips the photo itself, not only the boxes: the window flips it while it
   * scales it, so a pixel left of the centre shows up as far right of it.
   */
  private void mirroredImageIsTheFlippedPhoto() throws Exception {
    ImageData plain = shotOfPhoto(false);
    ImageData mirrored = shotOfPhoto(true);
    Rectangle area = onUi(() -> window.view().imageArea());
    int far = 0;
    int agree = 0;
    for (int i = 1; i < 20; i++) {
      int x = area.x + area.width * i / 20;
      int y = area.y + area.height * (i % 7 + 1) / 9;
      int flippedX = 2 * area.x + area.width - 1 - x;
      RGB a = rgb(plain, x, y);
      RGB b = rgb(mirrored, flippedX, y);
      if (distance(a, b) <= 40) {
        agree++;
      }
      if (distance(a, rgb(mirrored, x, y)) > 40) {
        far++; // the photo is not symmetric there: the check can tell the two apart
      }
    }
    require(agree >= 17, "mirrored pixels match the photo's flipped ones at " + agree + " of 19 points");
    require(far >= 5, "the photo differs from its mirror image at only " + far + " points");
  }

  private ImageData shotOfPhoto(boolean mirrored) throws Exception {
    onUi(
        () -> {
          window.applyView(mirrored, false);
          return null;
        });
    ImageData shot = showAndGrab(result(6, List.of()));
    save(shot, mirrored ? "mirror-window-photo-mirrored.png" : "mirror-window-photo.png");
    return shot;
  }

  private static int distance(RGB a, RGB b) {
    return Math.abs(a.red - b.red) + Math.abs(a.green - b.green) + Math.abs(a.blue - b.blue);
  }

  private void onlyMyFace() throws Exception {
    onUi(
        () -> {
          window.applyView(false, true);
          return null;
        });
    ImageData shot = showAndGrab(result(8, List.of(face(1, MAIN), face(2, OTHER))));
    save(shot, "mirror-window-only-my-face.png");
    Rectangle main = expectedBox(MAIN, false);
    Rectangle other = expectedBox(OTHER, false);
    requireColour(shot, main.x, main.y + main.height / 2, Palette.FACE, "main face frame");
    requireColour(shot, other.x, other.y + other.height / 2, Palette.PLAIN, "other face frame");
    int otherBars = countColour(shot, besideBox(other), paletteRgb("happiness"));
    require(otherBars == 0, "the other face has no readings: " + otherBars);
  }

  /**
   * The pipeline's own onlyMyFace (mirror.pipeline) leaves faces unread (no scores) while the
   * window's setting still asks for readings on every face: those faces get a plain frame.
   */
  private void unreadFace() throws Exception {
    onUi(
        () -> {
          window.applyView(false, false);
          return null;
        });
    FaceResult unread = new FaceResult(2, OTHER, null, null);
    ImageData shot = showAndGrab(result(9, List.of(face(1, MAIN), unread)));
    save(shot, "mirror-window-unread-face.png");
    Rectangle main = expectedBox(MAIN, false);
    Rectangle other = expectedBox(OTHER, false);
    requireColour(shot, main.x, main.y + main.height / 2, Palette.FACE, "main face frame");
    requireColour(shot, other.x, other.y + other.height / 2, Palette.PLAIN, "unread face frame");
    int mainBars = countColour(shot, besideBox(main), paletteRgb("happiness"));
    require(mainBars > 200, "the main face keeps its readings: " + mainBars);
  }

  private void coalescing() throws Exception {
    long before = onUi(window::renders);
    CountDownLatch release = new CountDownLatch(1);
    display.asyncExec(() -> await(release)); // the UI thread is busy
    for (int i = 0; i < 1000; i++) {
      window.offer(photo, result(100 + i, List.of(face(1, MAIN))));
    }
    release.countDown();
    onUi(() -> null);
    onUi(() -> null);
    long renders = onUi(window::renders) - before;
    require(renders == 1, "1000 frames while busy gave " + renders + " repaints, want 1");
    long shown = onUi(() -> window.latest().frame());
    require(shown == 1099, "the newest frame is shown, not " + shown);
  }

  private void timelineMarksSwap() throws Exception {
    onUi(
        () -> {
          window.applyView(true, false);
          return null;
        });
    FrameResult swapped = result(1200, List.of(face(1, MAIN)));
    swapped =
        new FrameResult(
            swapped.frame(), swapped.timeMs(), swapped.detector(), "other-model@2",
            swapped.smoother(), swapped.faces(), swapped.times());
    showAndGrab(swapped);
    FrameResult later = result(1200 + 250, List.of(face(1, MAIN))); // 10 s later
    later =
        new FrameResult(
            later.frame(), later.timeMs(), later.detector(), "other-model@2", later.smoother(),
            later.faces(), later.times());
    showAndGrab(later);
    // the timeline is repainted at most every TIMELINE_PERIOD_MS: its last change comes after that
    Thread.sleep(MirrorWindow.TIMELINE_PERIOD_MS + 200);
    ImageData shot = grab();
    save(shot, "mirror-window.png");
    // The marker is a white line 10 s left of the newest point, on the axis of the points kept.
    Rectangle strip =
        new Rectangle(0, shot.height - MirrorWindow.TIMELINE_HEIGHT + 30, shot.width, 60);
    TimeScale scale = onUi(window::timeScale);
    double span = scale.toMs() - scale.fromMs();
    int expectedX = shot.width - 6 - (int) Math.round((shot.width - 12) * 10_000 / span);
    int marker = countColour(shot, new Rectangle(expectedX - 2, strip.y, 5, strip.height), new RGB(255, 255, 255));
    require(marker > 10, "marker pixels near x=" + expectedX + ": " + marker + " scale " + scale);
  }

  private void menuEditsConfiguration() throws Exception {
    onUi(
        () -> {
          window.applyView(true, true);
          choose("Detector", "blazeface");
          choose("Camera", "Camera 2");
          choose("Smoother", "window");
          chooseIn("Smoother", "Smoothing strength", "2.0 s");
          choose("View", "Only my face"); // on -> off
          return null;
        });
    require(
        store.read("mirror.pipeline")
            .equals(
                Map.of(
                    "detector", "blazeface", "model", "minixception-fer2013", "smoother",
                    "window")),
        "mirror.pipeline " + store.read("mirror.pipeline"));
    require(store.read("mirror.source").equals(Map.of("source", "camera:2")), "mirror.source");
    require(
        store.read("mirror.smoother.ema").equals(Map.of("halfLifeSeconds", 2.0)),
        "mirror.smoother.ema " + store.read("mirror.smoother.ema"));
    require(
        store.read("mirror.smoother.window").equals(Map.of("windowSeconds", 2.0)),
        "mirror.smoother.window");
    require(
        store.read("mirror.display").equals(Map.of("onlyMyFace", false)),
        "mirror.display " + store.read("mirror.display"));
  }

  private void sourceFailureAndRetry() throws Exception {
    window.sourceFailed("camera 2 cannot be opened");
    onUi(() -> null);
    ImageData shot = grab();
    save(shot, "mirror-window-source-failed.png");
    require(onUi(() -> window.retryButton().isVisible()), "retry button visible");
    require(onUi(window::message).contains(MirrorWindow.ADVICE), "advice shown");
    int updates = store.updates().size();
    onUi(
        () -> {
          window.retryButton().notifyListeners(SWT.Selection, new Event());
          return null;
        });
    List<InMemoryConfigStore.Update> after = store.updates();
    require(after.size() == updates + 1, "retry updated the source configuration");
    require(after.get(after.size() - 1).pid().equals("mirror.source"), "retry wrote mirror.source");
  }

  /**
   * At 1280 px every field is whole; narrower, the line wraps and a long path loses its middle.
   * Nothing is drawn in the status line's right margin: no text runs off the edge.
   */
  private void statusFitsTheWidth() throws Exception {
    String path =
        "/home/student/videos/a-rather-long-folder-name/another-level/interview-recorded-on-2026-11-29.mp4";
    window.setSource(path);
    FrameResult r =
        new FrameResult(
            3, 120, "blazeface-back@1.2.0", "enet_b0_8_best_afew@1.0.0", "window@1.0.0",
            List.of(face(1, MAIN)), new StageTimes(12.25, 118.5, 22.75, 0.125));
    for (int width : new int[] {1280, 800}) {
      onUi(
          () -> {
            window.shell().setSize(width, 780);
            return null;
          });
      ImageData shot = showAndGrab(r);
      save(shot, "mirror-window-status-" + width + ".png");
      int height = onUi(window::statusHeight);
      List<String> lines = onUi(window::statusLines);
      String all = String.join(" ", lines);
      for (String field : List.of(
          "detector blazeface-back@1.2.0", "model enet_b0_8_best_afew@1.0.0", "smoother window@1.0.0",
          "decode 12.3  detect 118.5  classify 22.8  smooth 0.1 ms", "fps")) {
        require(all.contains(field), field + " whole at " + width + " px: " + lines);
      }
      require(
          width < 1280 || all.contains("source " + path),
          "the whole source path at 1280 px: " + lines);
      require(all.contains("interview-recorded-on-2026-11-29.mp4"), "the file name at " + width + " px: " + lines);
      require(lines.size() >= 2, "wrapped into lines at " + width + " px: " + lines);
      require(height >= lines.size() * 14, "status height " + height + " for " + lines.size() + " lines");
      Rectangle margin = new Rectangle(shot.width - 6, 0, 6, height);
      RGB panel = rgb(shot, shot.width - 1, 0);
      int drawn = 6 * height - countColour(shot, margin, panel);
      require(drawn == 0, "text in the right margin of the status at " + width + " px: " + drawn + " pixels");
    }
    onUi(
        () -> {
          window.shell().setSize(1240, 780);
          return null;
        });
    window.setSource("sample1.jpg");
  }

  /** A 9 s clip fills the timeline's width, with ticks and second labels under it. */
  private void timelineAxisFitsAShortClip() throws Exception {
    ImageData shot = null;
    for (int s = 0; s <= 9; s++) {
      // time starts again at 0: a new source, the timeline forgets the earlier one
      shot =
          showAndGrab(
              new FrameResult(
                  s, s * 1000.0, "haar@4.10.0", "minixception-fer2013@3.3.6", "ema@1.0",
                  List.of(face(1, MAIN)), new StageTimes(4.2, 18.5, 2.7, 0.1)));
    }
    save(shot, "mirror-window-timeline-9s.png");
    // the retry's "Opening camera 2…" went with the first new frame
    require(onUi(window::message).isEmpty(), "message still shown: " + onUi(window::message));
    TimeScale scale = onUi(window::timeScale);
    require(scale.fromMs() == 0 && scale.toMs() == 9000, "axis from 0 to 9 s: " + scale);
    int top = shot.height - MirrorWindow.TIMELINE_HEIGHT + TimelinePainter.LEGEND_HEIGHT + 2;
    int plotHeight = MirrorWindow.TIMELINE_HEIGHT - TimelinePainter.LEGEND_HEIGHT - 2 - TimelinePainter.AXIS_HEIGHT;
    RGB happiness = paletteRgb("happiness");
    int left = countColour(shot, new Rectangle(6, top, shot.width / 10, plotHeight), happiness);
    int right = countColour(shot, new Rectangle(shot.width * 9 / 10, top, shot.width / 10 - 6, plotHeight), happiness);
    require(left > 20, "the line starts at the left edge: " + left + " pixels in the left tenth");
    require(right > 20, "the line reaches the right edge: " + right + " pixels in the right tenth");
    Rectangle axis = new Rectangle(0, shot.height - TimelinePainter.AXIS_HEIGHT, shot.width, TimelinePainter.AXIS_HEIGHT);
    RGB background = rgb(shot, 1, shot.height - 1);
    int labels = axis.width * axis.height - countColour(shot, axis, background);
    require(labels > 150, "tick labels under the plot: " + labels + " pixels");
    require(scale.ticks(shot.width - 12, 70).size() >= 5, "ticks: " + scale.ticks(shot.width - 12, 70));
  }

  /**
   * A camera that cannot open: the error and the advice at once, a chooser of cameras beside the
   * button; the button opens the camera chosen, even the same one again.
   */
  private void cameraFailureOffersTheChooser() throws Exception {
    window.setSource("camera:1");
    window.sourceFailed("camera 1 did not open: no such device or it is busy");
    onUi(() -> null);
    ImageData shot = grabScreen();
    save(shot, "mirror-window-camera-failed.png");
    require(onUi(window::message).startsWith("camera 1 did not open"), "error shown: " + onUi(window::message));
    require(onUi(window::message).contains(MirrorWindow.ADVICE), "advice shown");
    require(onUi(() -> window.cameraChooser().isVisible()), "camera chooser visible");
    require(onUi(() -> window.cameraChooser().getSelectionIndex()) == 1, "camera 1 chosen");
    require(onUi(() -> window.retryButton().getText()).equals(MirrorWindow.OPEN_CAMERA), "button text");
    onUi(
        () -> {
          window.cameraChooser().select(3);
          window.retryButton().notifyListeners(SWT.Selection, new Event());
          return null;
        });
    require(store.read("mirror.source").equals(Map.of("source", "camera:3")), "mirror.source " + store.read("mirror.source"));
    int updates = store.updates().size();
    window.sourceFailed("camera 3 did not open: no such device or it is busy");
    onUi(() -> null);
    onUi(
        () -> {
          window.retryButton().notifyListeners(SWT.Selection, new Event());
          return null;
        });
    require(store.updates().size() == updates + 1, "the same camera is opened again");
  }

  /** An ended video says so and offers to play it again (not "Retry"). */
  private void endedVideoOffersPlayAgain() throws Exception {
    window.setSource("/videos/clip.mp4");
    window.ended(new RunSummary("/videos/clip.mp4", 275, 270, 0, 9000, Map.of(), ""));
    onUi(() -> null);
    ImageData shot = grabScreen();
    save(shot, "mirror-window-video-ended.png");
    require(onUi(window::message).startsWith(MirrorWindow.VIDEO_ENDED), "message: " + onUi(window::message));
    require(onUi(() -> window.retryButton().isVisible()), "button visible");
    require(onUi(() -> window.retryButton().getText()).equals(MirrorWindow.PLAY_AGAIN), "button: " + onUi(() -> window.retryButton().getText()));
    require(!onUi(() -> window.cameraChooser().isVisible()), "no camera chooser for a file");
    // over the last frame the message sits at the picture's foot: its faces stay in view
    Rectangle picture = onUi(() -> window.view().imageArea());
    Rectangle button = onUi(() -> window.retryButton().getBounds());
    require(button.y > picture.y + picture.height * 2 / 3 && button.y + button.height <= picture.y + picture.height,
        "message at the foot of the picture: button " + button + ", picture " + picture);
    int updates = store.updates().size();
    onUi(
        () -> {
          window.retryButton().notifyListeners(SWT.Selection, new Event());
          return null;
        });
    List<InMemoryConfigStore.Update> after = store.updates();
    require(after.size() == updates + 1 && after.get(after.size() - 1).pid().equals("mirror.source"),
        "play again wrote mirror.source");
    require(store.read("mirror.source").get("source").equals("camera:3"), "the source itself is not changed");
    window.setSource("sample1.jpg");
  }

  private void quitKeyClosesAndDisposes() throws Exception {
    onUi(
        () -> {
          Event key = new Event();
          key.character = 'q';
          window.canvas().notifyListeners(SWT.KeyDown, key);
          return null;
        });
    ui.close(10_000);
    require(!ui.isAlive(), "the UI thread ended");
    require(display.isDisposed(), "the display is disposed");
    require(closed.get() == 1, "window closed callback ran once: " + closed.get());
  }

  /**
   * The component may be deactivated (e.g. Ctrl-C at start-up) while the window is still being
   * built: the window must not open afterwards and keep the display alive.
   */
  private void closeWhileBuilding() throws Exception {
    CountDownLatch building = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicReference<String> failure = new AtomicReference<>();
    WindowThread late =
        new WindowThread(
                d -> {
                  building.countDown();
                  await(release);
                  return new MirrorWindow(
                      d, true, false, new Controls(store), new Choices(), Runnable::run, () -> {});
                },
                failure::set)
            .start();
    require(building.await(20, TimeUnit.SECONDS), "the window is being built: " + failure.get());
    late.close(50); // returns while the window is still being built
    release.countDown();
    for (int i = 0; i < 1000 && late.isAlive(); i++) {
      Thread.sleep(10);
    }
    require(!late.isAlive(), "a window closed while it was being built opened and stayed open");
  }

  // --- helpers ---

  private void choose(String menuTitle, String itemText) {
    select(item(menu(menuTitle), itemText));
  }

  private void chooseIn(String menuTitle, String submenu, String itemText) {
    Menu sub = item(menu(menuTitle), submenu).getMenu();
    select(item(sub, itemText));
  }

  private Menu menu(String title) {
    for (MenuItem header : window.shell().getMenuBar().getItems()) {
      if (header.getText().replace("&", "").equals(title)) {
        Menu menu = header.getMenu();
        menu.notifyListeners(SWT.Show, new Event());
        return menu;
      }
    }
    throw new AssertionError("no menu " + title);
  }

  private static MenuItem item(Menu menu, String text) {
    List<String> seen = new ArrayList<>();
    for (MenuItem item : menu.getItems()) {
      String t = item.getText().replace("&", "").replaceAll("[\t…].*", "");
      if (t.equals(text)) {
        return item;
      }
      seen.add(t);
    }
    throw new AssertionError("no item " + text + " in " + seen);
  }

  private static void select(MenuItem item) {
    item.setSelection(!item.getSelection() || (item.getStyle() & SWT.RADIO) != 0);
    item.notifyListeners(SWT.Selection, new Event());
  }

  private static FaceResult face(int track, Box box) {
    return new FaceResult(track, box, SMILE, SMILE);
  }

  private FrameResult result(long index, List<FaceResult> faces) {
    return new FrameResult(
        index, index * 40.0, "haar@4.10.0", "minixception-fer2013@3.3.6", "ema@1.0", faces,
        new StageTimes(4.2, 18.5, 2.7, 0.1));
  }

  /**
   * Frames of one size share one image whose pixels each frame replaces (FrameSurface): a plain
   * colour after the photo must show as that colour, and the photo after it as the photo again
   * (in place unless -Dmirror.window.inPlace=false, then a new image per frame).
   */
  private void aNewFrameReplacesThePixelsShown() throws Exception {
    onUi(
        () -> {
          window.applyView(false, false);
          return null;
        });
    Frame plain = plainGreen();
    // each shot is sampled inside its own image area: the status line may wrap differently
    // from one shot to the next (its fps changes), which moves and scales the image
    ImageData before = showAndGrab(photo, result(8, List.of()));
    Rectangle beforeArea = onUi(() -> window.view().imageArea());
    ImageData colour = showAndGrab(plain, result(9, List.of()));
    Rectangle colourArea = onUi(() -> window.view().imageArea());
    ImageData after = showAndGrab(photo, result(10, List.of()));
    Rectangle afterArea = onUi(() -> window.view().imageArea());
    save(before, "in-place-1-photo.png");
    save(colour, "in-place-2-plain.png");
    save(after, "in-place-3-photo-again.png");
    int greenPoints = 0;
    int photoPoints = 0;
    int notGreen = 0;
    for (int i = 1; i < 20; i++) {
      double fx = i / 20.0;
      double fy = (i % 7 + 1) / 9.0;
      if (distance(at(colour, colourArea, fx, fy), new RGB(30, 200, 20)) <= 12) {
        greenPoints++;
      }
      RGB again = at(after, afterArea, fx, fy);
      if (distance(at(before, beforeArea, fx, fy), again) <= 40) {
        photoPoints++;
      }
      if (distance(again, new RGB(30, 200, 20)) > 60) {
        notGreen++;
      }
    }
    require(greenPoints == 19, "the plain frame shows at " + greenPoints + " of 19 points");
    require(notGreen == 19, "the plain frame is gone after it at " + notGreen + " of 19 points");
    require(photoPoints >= 15, "the photo shows again at " + photoPoints + " of 19 points");
    boolean inPlace = !"false".equals(System.getProperty(FrameSurface.IN_PLACE_PROPERTY));
    require(onUi(window::framesInPlace) == inPlace, "frames written in place: " + inPlace);
  }

  /**
   * The pipeline lends a frame's pixels only while the window is shown it (the window says so
   * with MirrorView.COPIES_PIXELS) and decodes a later frame into the array afterwards: the frame
   * painted later must be the one offered, whatever its array holds by then.
   */
  private void aLentFrameIsPaintedFromACopy() throws Exception {
    Frame lent = plainGreen();
    FrameResult result = result(11, List.of());
    long before = onUi(window::renders);
    // offered on the UI thread, so its paint cannot come before the array is reused
    onUi(
        () -> {
          window.offer(lent, result);
          java.util.Arrays.fill(lent.bgr(), (byte) 0); // the source reuses the array
          return null;
        });
    for (int i = 0; i < 200 && !painted(result, before); i++) {
      Thread.sleep(10);
    }
    require(painted(result, before), "the frame was painted");
    ImageData shot = grab();
    Rectangle area = onUi(() -> window.view().imageArea());
    save(shot, "lent-frame-copied.png");
    int green = 0;
    for (int i = 1; i < 20; i++) {
      if (distance(at(shot, area, i / 20.0, (i % 7 + 1) / 9.0), new RGB(30, 200, 20)) <= 12) {
        green++;
      }
    }
    require(green == 19, "the frame as offered shows at " + green + " of 19 points, not the reused array");
  }

  /** A frame of the photo's size in one colour: RGB 30, 200, 20. */
  private Frame plainGreen() {
    byte[] green = new byte[photo.bgr().length];
    for (int i = 0; i < green.length; i += 3) {
      green[i] = 20; // blue
      green[i + 1] = (byte) 200; // green
      green[i + 2] = 30; // red
    }
    return new Frame(photo.index(), photo.timeMs(), photo.width(), photo.height(), green);
  }

  /**
   * On a display scaled by 2 an image's cairo surface has twice the frame's pixels each way
   * (FrameSurface.fits): frames must not be written into it in place, each is a new image, and
   * a plain frame after the photo still shows. (This shot holds only part of the window: SWT's
   * copyArea mixes points and pixels at zoom 200; the green in it is what is checked.)
   */
  private void scaledDisplayGetsANewImagePerFrame() throws Exception {
    int zoom = onUi(org.eclipse.swt.internal.DPIUtil::getDeviceZoom);
    require(zoom == 200, "SWT's zoom under GDK_SCALE=2: " + zoom);
    showAndGrab(photo, result(8, List.of()));
    ImageData shot = showAndGrab(plainGreen(), result(9, List.of()));
    save(shot, "scaled-plain.png");
    require(!onUi(window::framesInPlace), "frames written in place into a surface scaled by 2");
    int green = 0;
    for (int y = 0; y < shot.height; y++) {
      for (int x = 0; x < shot.width; x++) {
        if (distance(rgb(shot, x, y), new RGB(30, 200, 20)) <= 12) {
          green++;
        }
      }
    }
    require(green > shot.width * shot.height / 10, "the plain frame shows: " + green + " green pixels");
  }

  private ImageData showAndGrab(FrameResult result) throws Exception {
    return showAndGrab(photo, result);
  }

  /** The shot's pixel at a fraction of the width and height of an image area. */
  private static RGB at(ImageData shot, Rectangle area, double fx, double fy) {
    return rgb(shot, area.x + (int) (area.width * fx), area.y + (int) (area.height * fy));
  }

  private ImageData showAndGrab(Frame frame, FrameResult result) throws Exception {
    // a paint of this very result: a view change replays the frame shown before, which also
    // counts as a render (a shot of that replay once showed the previous check's faces); and a
    // render only asks for a paint, which GTK makes at its next frame (canvas.update() in grab
    // may not make it at once): a shot before it shows the frame before (6 of 45 runs with the
    // frame written in place, each time with the frame not yet painted; none of 20 with a new
    // image per frame, whose render takes longer)
    long before = onUi(window::renders);
    window.offer(frame, result);
    for (int i = 0; i < 200 && !painted(result, before); i++) {
      Thread.sleep(10);
    }
    require(painted(result, before), "the frame was painted");
    return grab();
  }

  private boolean painted(FrameResult result, long rendersBefore) throws Exception {
    // the same result may be offered again (the status at another width): a paint after its render
    return onUi(() -> window.latest() == result && window.paintedRenders() > rendersBefore);
  }

  /** The window's part of the screen, with its child widgets (buttons, chooser). */
  private ImageData grabScreen() throws Exception {
    return onUi(
        () -> {
          window.canvas().redraw();
          window.canvas().update();
          display.readAndDispatch();
          Rectangle size = window.canvas().getClientArea();
          org.eclipse.swt.graphics.Point origin = window.canvas().toDisplay(0, 0);
          Image image = new Image(display, size.width, size.height);
          GC gc = new GC(display);
          try {
            gc.copyArea(image, origin.x, origin.y);
            return image.getImageData();
          } finally {
            gc.dispose();
            image.dispose();
          }
        });
  }

  /** The canvas's pixels as drawn on the X server. */
  private ImageData grab() throws Exception {
    return onUi(
        () -> {
          window.canvas().redraw();
          window.canvas().update();
          Rectangle size = window.canvas().getClientArea();
          Image image = new Image(display, size.width, size.height);
          GC gc = new GC(window.canvas());
          try {
            gc.copyArea(image, 0, 0);
            return image.getImageData();
          } finally {
            gc.dispose();
            image.dispose();
          }
        });
  }

  /** Where the test expects a box: its own arithmetic, not the window's transform. */
  private Rectangle expectedBox(Box b, boolean mirrored) throws Exception {
    Rectangle client = onUi(() -> window.canvas().getClientArea());
    int statusHeight = onUi(window::statusHeight);
    int areaHeight = client.height - statusHeight - MirrorWindow.TIMELINE_HEIGHT;
    double scale = Math.min((double) client.width / photo.width(), (double) areaHeight / photo.height());
    double left = (client.width - Math.round(photo.width() * scale)) / 2;
    double top = statusHeight + (areaHeight - Math.round(photo.height() * scale)) / 2;
    int x = mirrored ? photo.width() - b.x() - b.width() : b.x();
    int x0 = (int) (left + Math.round(x * scale));
    int y0 = (int) (top + Math.round(b.y() * scale));
    int x1 = (int) (left + Math.round((x + b.width()) * scale));
    int y1 = (int) (top + Math.round((b.y() + b.height()) * scale));
    return new Rectangle(x0, y0, x1 - x0, y1 - y0);
  }

  /** Both sides of a box, as high as the readings panel. */
  private static Rectangle besideBox(Rectangle box) {
    int reach = FacePainter.GAP + FacePainter.PANEL_WIDTH;
    return new Rectangle(box.x - reach, box.y, box.width + 2 * reach, 3 * FacePainter.ROW_HEIGHT + 6)
        .intersection(new Rectangle(0, 0, 100_000, 100_000));
  }

  private static RGB paletteRgb(String label) {
    return Palette.rgb(label);
  }

  private static int countColour(ImageData shot, Rectangle r, RGB colour) {
    int n = 0;
    for (int y = Math.max(0, r.y); y < Math.min(shot.height, r.y + r.height); y++) {
      for (int x = Math.max(0, r.x); x < Math.min(shot.width, r.x + r.width); x++) {
        if (rgb(shot, x, y).equals(colour)) {
          n++;
        }
      }
    }
    return n;
  }

  private static RGB rgb(ImageData shot, int x, int y) {
    return shot.palette.getRGB(shot.getPixel(x, y));
  }

  private static void requireColour(ImageData shot, int x, int y, RGB want, String where) {
    RGB got = rgb(shot, x, y);
    require(got.equals(want), where + " at " + x + "," + y + ": " + got + ", want " + want);
  }

  private void save(ImageData shot, String name) {
    ImageLoader loader = new ImageLoader();
    loader.data = new ImageData[] {shot};
    loader.save(out.resolve(name).toString(), SWT.IMAGE_PNG);
  }

  private static void require(boolean ok, String what) {
    if (!ok) {
      throw new AssertionError(what);
    }
  }

  private interface UiCall<T> {
    T call() throws Exception;
  }

  private <T> T onUi(UiCall<T> call) throws Exception {
    AtomicReference<T> value = new AtomicReference<>();
    AtomicReference<Exception> error = new AtomicReference<>();
    display.syncExec(
        () -> {
          try {
            value.set(call.call());
          } catch (Exception e) {
            error.set(e);
          }
        });
    if (error.get() != null) {
      throw error.get();
    }
    return value.get();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Decodes a photo with SWT's own JPEG reader into a BGR frame. */
  static Frame load(File file) {
    ImageData data = new ImageLoader().load(file.getPath())[0];
    byte[] bgr = new byte[data.width * data.height * 3];
    int i = 0;
    for (int y = 0; y < data.height; y++) {
      for (int x = 0; x < data.width; x++) {
        RGB rgb = data.palette.getRGB(data.getPixel(x, y));
        bgr[i++] = (byte) rgb.blue;
        bgr[i++] = (byte) rgb.green;
        bgr[i++] = (byte) rgb.red;
      }
    }
    return new Frame(0, 0, data.width, data.height, bgr);
  }
}

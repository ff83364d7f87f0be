package org.expressionmirror.display.swt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real window under X: an Xvfb server of its own when DISPLAY is unset (the test fails, not
 * skips, when Xvfb cannot start), and the checks of {@link WindowChecks} run in a child JVM that
 * has DISPLAY set. Screenshots land in target/.
 */
class MirrorWindowTest {
  private static final String PHOTO = "testdata/faces/sample1.jpg";
  private static final Map<String, String> RESULTS = new ConcurrentHashMap<>();
  private static final StringBuilder OUTPUT = new StringBuilder();
  private static Process xvfb;

  @BeforeAll
  static void runWindowChecks() throws Exception {
    String display = System.getenv("DISPLAY");
    if (display == null || display.isBlank()) {
      display = startXvfb();
    }
    Path target = Path.of(System.getProperty("mirror.target", "target"));
    File photo = Path.of(System.getProperty("mirror.testdata", "target/testdata"), PHOTO).toFile();
    assertTrue(photo.isFile(), "test photo from the models artifact missing: " + photo);
    runChecks(display, photo, target, null);
    // the same window on a display scaled by 2 (HiDPI): GTK and SWT read GDK_SCALE at start
    runChecks(display, photo, target.resolve("scaled"), "scaled");
    Files.writeString(target.resolve("window-checks.log"), OUTPUT);
  }

  /** Runs WindowChecks in a child JVM on {@code display}; {@code mode} "scaled" sets GDK_SCALE=2. */
  private static void runChecks(String display, File photo, Path target, String mode) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
    // SWT extracts its natives there, and only into a folder that exists.
    Path swtLibraries = Files.createDirectories(Path.of(System.getProperty("swt.library.path", "target/swt")));
    command.add("-Dswt.library.path=" + swtLibraries);
    command.add(WindowChecks.class.getName());
    command.add(photo.getPath());
    command.add(target.toString());
    if (mode != null) {
      command.add(mode);
    }
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("DISPLAY", display);
    if ("scaled".equals(mode)) {
      builder.environment().put("GDK_SCALE", "2");
    } else {
      builder.environment().remove("GDK_SCALE");
    }
    builder.environment().remove("WAYLAND_DISPLAY");
    Process child = builder.start();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        OUTPUT.append(line).append('\n');
        if (line.startsWith("CHECK ")) {
          String[] parts = line.split(" ", 3);
          RESULTS.put(parts[1], parts[2]);
        }
      }
    }
    if (!child.waitFor(120, TimeUnit.SECONDS)) {
      child.destroyForcibly();
      fail("window checks did not end:\n" + OUTPUT);
    }
  }

  /** Starts Xvfb on a display number it picks itself and returns ":N". */
  private static String startXvfb() throws IOException, InterruptedException {
    try {
      xvfb =
          new ProcessBuilder(
                  "Xvfb", "-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp")
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
    } catch (IOException e) {
      throw new AssertionError("cannot start Xvfb (Debian package xvfb): " + e.getMessage(), e);
    }
    BufferedReader out =
        new BufferedReader(new InputStreamReader(xvfb.getInputStream(), StandardCharsets.US_ASCII));
    String number = out.readLine(); // written once the server accepts clients
    if (number == null || !number.trim().matches("\\d+")) {
      xvfb.destroyForcibly();
      throw new AssertionError("Xvfb did not start: it printed " + number);
    }
    return ":" + number.trim();
  }

  @AfterAll
  static void stopXvfb() throws InterruptedException {
    if (xvfb != null) {
      xvfb.destroy();
      xvfb.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static void assertPassed(String check) {
    assertEquals("PASS", RESULTS.get(check), check + " in the window JVM:\n" + OUTPUT);
  }

  @Test
  void windowOpensOnTheXServer() {
    assertPassed("opens");
  }

  @Test
  void faceFrameIsWhereTheDetectorPutItWithBarsBesideAndAStatusLine() {
    assertPassed("frameAtBoxEdgesNotMirrored");
  }

  @Test
  void mirroredImageFlipsTheFaceFrameToo() {
    assertPassed("frameAtBoxEdgesMirrored");
  }

  @Test
  void mirroredViewShowsThePhotoFlippedLeftToRight() {
    assertPassed("mirroredImageIsTheFlippedPhoto");
  }

  @Test
  void aNewFrameOfTheSameSizeReplacesThePixelsOfTheImageInPlace() {
    assertPassed("aNewFrameReplacesThePixelsShown");
  }

  @Test
  void aLentFrameIsPaintedFromACopyOfItsPixels() {
    assertPassed("aLentFrameIsPaintedFromACopy");
  }

  @Test
  void onADisplayScaledByTwoEachFrameIsANewImageAndStillShows() {
    assertPassed("scaledOpens");
    assertPassed("scaledDisplayGetsANewImagePerFrame");
  }

  @Test
  void onlyMyFaceReadsTheLargestFaceAndGivesOthersAPlainFrame() {
    assertPassed("onlyMyFace");
  }

  @Test
  void aFaceThePipelineDidNotReadGetsAPlainFrameAndTheWindowLives() {
    assertPassed("unreadFace");
  }

  @Test
  void aThousandFramesWhileTheUiIsBusyGiveOneRepaintOfTheNewest() {
    assertPassed("coalescing");
  }

  @Test
  void timelineMarksAComponentSwap() {
    assertPassed("timelineMarksSwap");
  }

  @Test
  void menuChoicesEditTheRightConfigurations() {
    assertPassed("menuEditsConfiguration");
  }

  @Test
  void sourceFailureShowsAdviceAndRetryReappliesTheSource() {
    assertPassed("sourceFailureAndRetry");
  }

  @Test
  void theStatusLineWrapsAndElidesToFitTheWindow() {
    assertPassed("statusFitsTheWidth");
  }

  @Test
  void theTimelineHasATimeAxisAndAShortClipFillsIt() {
    assertPassed("timelineAxisFitsAShortClip");
  }

  @Test
  void aCameraThatCannotOpenShowsTheAdviceAndTheCameraChooser() {
    assertPassed("cameraFailureOffersTheChooser");
  }

  @Test
  void anEndedVideoSaysSoAndOffersToPlayItAgain() {
    assertPassed("endedVideoOffersPlayAgain");
  }

  @Test
  void quitKeyClosesTheWindowAndDisposesTheDisplay() {
    assertPassed("quitKeyClosesAndDisposes");
  }

  @Test
  void aWindowClosedWhileItIsBeingBuiltDoesNotOpen() {
    assertPassed("closeWhileBuilding");
  }
}

package org.expressionmirror.launcher;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's check of a camera source before the framework starts, on a folder of devices. */
class CameraCheckTest {
  private static final Feature WINDOW =
      new Feature("mirror", List.of("org.expressionmirror.display.swt"), Map.of("mirror.source", "camera:0"));
  private static final Map<String, String> NO_DISPLAY = Map.of();

  @TempDir Path dev;

  private static Options options(String... args) {
    return Options.parse(List.of(args), Path.of("."));
  }

  @Test
  void anExistingCameraWithNoDisplayEndsAWindowRun() throws IOException {
    Files.createFile(dev.resolve("video0"));
    IOException e =
        assertThrows(IOException.class, () -> Main.checkCamera(options(), WINDOW, NO_DISPLAY, dev));
    assertTrue(e.getMessage().startsWith("no display (DISPLAY and WAYLAND_DISPLAY are unset) to show camera 0"), e.getMessage());
    assertTrue(e.getMessage().contains("--headless --out"), e.getMessage());
  }

  @Test
  void aMissingCameraIsNamedBeforeTheDisplay() {
    IOException e =
        assertThrows(IOException.class, () -> Main.checkCamera(options(), WINDOW, NO_DISPLAY, dev));
    assertTrue(e.getMessage().startsWith("camera 0 did not open: " + dev.resolve("video0")), e.getMessage());
  }

  @Test
  void withADisplayOrInABatchRunAnExistingCameraIsLeftToTheCaptureBundle() throws IOException {
    Files.createFile(dev.resolve("video0"));
    assertDoesNotThrow(() -> Main.checkCamera(options(), WINDOW, Map.of("DISPLAY", ":0"), dev));
    assertDoesNotThrow(
        () ->
            Main.checkCamera(
                options("--headless", "--source", "camera:0", "--out", "x.jsonl"), WINDOW, NO_DISPLAY, dev));
  }
}

package org.expressionmirror.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.expressionmirror.launcher.DistributionRun.Result;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default (window) command where no window can open: it must say so once and end, never sit
 * there with nothing to show. Bounds are far above any start-up seen on a loaded machine: the
 * failure they catch is a program that never ends.
 */
class NoWindowIT {
  private static final int LIMIT_SECONDS = 300;

  @TempDir static Path work;

  @BeforeAll
  static void distributionIsBuilt() {
    assertTrue(DistributionRun.built(), "no distribution in " + DistributionRun.DIST);
  }

  private static Path photo() {
    return DistributionRun.PHOTOS.resolve("sample1.jpg");
  }

  private static long count(String text, String part) {
    return text.lines().filter(l -> l.contains(part)).count();
  }

  @Test
  void withoutDisplayAFileIsReadToItsEndAndTheProgramEnds() throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("DISPLAY", null);
    env.put("WAYLAND_DISPLAY", null);
    Result r =
        DistributionRun.start(work, env, "--source", photo().toString()).await(LIMIT_SECONDS);
    assertEquals(0, r.exit(), r.err());
    assertEquals(1, count(r.err(), "no display"), r.err());
    assertTrue(r.out().contains("summary: ") && r.out().contains("1 frames"), r.out());
  }

  @Test
  void aDisplayThatCannotBeOpenedIsNamedOnceAndEndsTheRun() throws Exception {
    String display = ":" + unusedDisplayNumber();
    Result r =
        DistributionRun.start(work, Map.of("DISPLAY", display), "--source", photo().toString())
            .await(LIMIT_SECONDS);
    assertEquals(2, r.exit(), r.err());
    List<String> named =
        r.err().lines().filter(l -> l.contains("cannot open the display DISPLAY=" + display)).toList();
    assertEquals(1, named.size(), r.err());
    assertTrue(named.get(0).contains("--headless"), named.get(0));
  }

  /** A display number with no X server socket, so opening it fails at once. */
  private static int unusedDisplayNumber() {
    for (int n = 93; n < 200; n++) {
      if (!Files.exists(Path.of("/tmp/.X11-unix/X" + n)) && !Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
        return n;
      }
    }
    throw new AssertionError("no free display number between 93 and 199");
  }
}

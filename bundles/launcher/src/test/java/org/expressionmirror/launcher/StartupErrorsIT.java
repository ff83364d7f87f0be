package org.expressionmirror.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.expressionmirror.launcher.DistributionRun.Result;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start-up errors of the built distribution: each is one line naming the real cause, exit code
 * 2, and comes as soon as start-up is over instead of after a timeout. Every run here sets the
 * pipeline's start-up timeout to {@value #TIMEOUT_SECONDS} s, so a run that still waited it out
 * would take longer than {@value #TIMEOUT_SECONDS} s; the measured seconds are printed.
 */
class StartupErrorsIT {
  /**
   * Far above any start-up seen, even on a machine shared by many builds (up to 115 s measured),
   * so that a run under this bound cannot have waited out the timeout.
   */
  private static final int TIMEOUT_SECONDS = 300;

  @TempDir static Path work;

  @BeforeAll
  static void distributionIsBuilt() {
    assertTrue(DistributionRun.built(), "no distribution in " + DistributionRun.DIST);
  }

  /** The shipped runtime-config with one file changed, and the long start-up timeout. */
  private static Path config(String name, String file, String content) throws IOException {
    Path dir = Files.createDirectories(work.resolve(name));
    try (Stream<Path> shipped = Files.list(DistributionRun.CONFIG)) {
      for (Path f : shipped.toList()) {
        Files.copy(f, dir.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Files.writeString(
        dir.resolve("mirror.pipeline.cfg"),
        "startupTimeoutSeconds=" + TIMEOUT_SECONDS + "\n",
        java.nio.file.StandardOpenOption.APPEND);
    if (file.startsWith("mirror.detector.haar")) {
      // a Haar setting is checked as the selected detector's (BlazeFace is the default)
      Path pipeline = dir.resolve("mirror.pipeline.cfg");
      Files.writeString(pipeline, Files.readString(pipeline).replaceAll("(?m)^detector=.*$", "detector=haar"));
    }
    if (file.equals("mirror.pipeline.cfg")) {
      content = content + "\nstartupTimeoutSeconds=" + TIMEOUT_SECONDS + "\n";
    }
    Files.writeString(dir.resolve(file), content);
    return dir;
  }

  private static Path photo() {
    return DistributionRun.PHOTOS.resolve("sample1.jpg");
  }

  /** Runs the program and returns the run with its wall time, printed for the record. */
  private static Timed timed(String what, Map<String, String> env, String... args) throws Exception {
    long t0 = System.nanoTime();
    Result r = DistributionRun.start(work, env, args).await(2L * TIMEOUT_SECONDS);
    double seconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf("StartupErrorsIT: %s: exit %d after %.1f s%n", what, r.exit(), seconds);
    return new Timed(r, seconds);
  }

  private record Timed(Result run, double seconds) {}

  /** The one line of standard error, checked to be the only one and an error line. */
  private static String oneErrorLine(Result r) {
    List<String> lines = r.err().lines().filter(l -> !l.isBlank()).toList();
    assertEquals(1, lines.size(), r.err());
    assertTrue(lines.get(0).startsWith("error: "), r.err());
    assertFalse(lines.get(0).contains("unknown"), r.err());
    return lines.get(0);
  }

  private static void badValue(String file, String content, String key, String value) throws Exception {
    Path config = config(key, file, content);
    Timed t =
        timed(content.strip(), Map.of(), "--headless", "--source", photo().toString(), "--config", config.toString());
    assertEquals(2, t.run().exit(), t.run().err());
    String line = oneErrorLine(t.run());
    assertTrue(line.startsWith("error: " + config.resolve(file).toAbsolutePath() + ": "), line);
    assertTrue(line.contains(key + " = " ), line);
    assertTrue(line.contains(value), line);
    assertTrue(t.seconds() < TIMEOUT_SECONDS, t.seconds() + " s");
  }

  @Test
  void aScaleFactorThatIsNotANumberIsNamedWithFileKeyValueAndRange() throws Exception {
    badValue("mirror.detector.haar.cfg", "scaleFactor=abc\n", "scaleFactor", "'abc' is not a number; scaleFactor: Image pyramid step (default 1.3");
  }

  @Test
  void aMinNeighborsOutsideIntIsNamed() throws Exception {
    badValue("mirror.detector.haar.cfg", "minNeighbors=1e20\n", "minNeighbors", "'1e20' is not a whole number; minNeighbors: ");
  }

  @Test
  void aHalfLifeThatIsNotANumberIsNamed() throws Exception {
    badValue("mirror.smoother.ema.cfg", "halfLifeSeconds=fast\n", "halfLifeSeconds", "'fast' is not a number; halfLifeSeconds: ");
  }

  @Test
  void tooManyIntraOpThreadsAreNamedWithTheRange() throws Exception {
    badValue("mirror.models.cfg", "intraOpThreads=100000\n", "intraOpThreads", "100000 must be between 1 and 64");
  }

  @Test
  void anUnknownDetectorIdIsOneLineListingTheIdsThatExist() throws Exception {
    Path config = config("unknown-detector", "mirror.pipeline.cfg", "detector=nope");
    Timed t = timed("detector=nope", Map.of(), "--headless", "--source", photo().toString(), "--config", config.toString());
    assertEquals(2, t.run().exit(), t.run().err());
    assertEquals(
        List.of("error: unknown detector id 'nope' (available: blazeface, blazeface-back, chain, haar, haar-alt, haar-alt2, haar-profile, lbp)"),
        t.run().err().lines().filter(l -> !l.isBlank()).toList());
    assertTrue(t.seconds() < TIMEOUT_SECONDS, t.seconds() + " s");
  }

  @Test
  void aBinaryConfigFileIsNamedWithItsLine() throws Exception {
    Path config = config("binary", "mirror.pipeline.cfg", "");
    Files.write(config.resolve("mirror.pipeline.cfg"), new byte[] {'d', '=', 1, 0, (byte) 0xff, 'x'});
    Timed t = timed("binary mirror.pipeline.cfg", Map.of(), "--headless", "--source", photo().toString(), "--config", config.toString());
    assertEquals(2, t.run().exit(), t.run().err());
    assertEquals(
        "error: " + config.resolve("mirror.pipeline.cfg").toAbsolutePath() + ":1: binary content (byte 0x01), not a key=value file",
        oneErrorLine(t.run()));
  }

  @Test
  void aLineThatIsNotKeyValueIsNamedWithItsLine() throws Exception {
    Path config = config("garbage", "mirror.detector.haar.cfg", "scaleFactor=1.3\nthis is garbage\n");
    Timed t = timed("garbage line", Map.of(), "--headless", "--source", photo().toString(), "--config", config.toString());
    assertEquals(2, t.run().exit(), t.run().err());
    assertEquals(
        "error: " + config.resolve("mirror.detector.haar.cfg").toAbsolutePath() + ":2: not a key=value line: this is garbage",
        oneErrorLine(t.run()));
  }

  @Test
  void noCameraAndNoDisplayEndsTheWindowProgramWithOneLine() throws Exception {
    Timed t = timed("camera:7, no display", Map.of("DISPLAY", "", "WAYLAND_DISPLAY", ""), "--source", "camera:7");
    assertEquals(2, t.run().exit(), t.run().err());
    assertTrue(oneErrorLine(t.run()).startsWith("error: camera 7 did not open: "), t.run().err());
    // 5 s asked for, with margin for a loaded machine: this is decided before the framework starts
    assertTrue(t.seconds() < 15, t.seconds() + " s");
  }

  @Test
  void evalWithAnUnknownDetectorSaysSoWithoutWaiting() throws Exception {
    Path data = Files.createDirectories(work.resolve("eval/happy"));
    Files.copy(photo(), data.resolve("a.jpg"), StandardCopyOption.REPLACE_EXISTING);
    Timed t =
        timed(
            "eval --detector nope",
            Map.of(),
            "eval", "--dataset", data.getParent().toString(), "--detector", "nope",
            "-Dmirror.eval.waitSeconds=" + TIMEOUT_SECONDS);
    assertEquals(2, t.run().exit(), t.run().err());
    assertEquals(
        List.of("error: unknown detector id 'nope' (available detectors: blazeface, blazeface-back, chain, haar, haar-alt, haar-alt2, haar-profile, lbp, or none)"),
        t.run().err().lines().filter(l -> !l.isBlank()).toList());
    assertTrue(t.seconds() < TIMEOUT_SECONDS, t.seconds() + " s");
  }
}

package org.expressionmirror.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.expressionmirror.launcher.DistributionRun.Result;
import org.expressionmirror.launcher.DistributionRun.Started;
import org.expressionmirror.platform.ffmpeg.internal.TestVideoWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The self-contained application (target/app/expression-mirror, made by {@code mvn package}) run
 * as a user without a JDK runs it: {@code bin/expression-mirror} with a PATH that holds no java
 * and an environment holding nothing but HOME, XDG_DATA_HOME and that PATH (no telemetry switch,
 * no JAVA_HOME, no display).
 */
class AppImageIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path APP =
      Path.of(System.getProperty("mirror.app", "target/app/expression-mirror")).toAbsolutePath();
  private static final Path LAUNCHER = APP.resolve("bin").resolve("expression-mirror");
  private static final Path JAVA = APP.resolve("lib").resolve("runtime").resolve("bin").resolve("java");
  private static final int W = 640;
  private static final int H = 449;
  private static final int N = 6;
  /** Frames of the long clip: 30 s at 10 frames a second, read at its pace (--realtime). */
  private static final int LONG = 300;

  @TempDir static Path work;
  private static Path video;
  private static Path longVideo;

  @BeforeAll
  static void applicationIsBuiltAndAVideoIsMade() throws IOException {
    assertTrue(Files.isExecutable(LAUNCHER), "no application in " + APP + " (mvn package makes it)");
    BufferedImage photo = ImageIO.read(DistributionRun.PHOTOS.resolve("sample3.jpg").toFile());
    List<byte[]> frames = new ArrayList<>();
    for (int i = 0; i < N; i++) {
      frames.add(bgr(photo, 2 * i));
    }
    video = work.resolve("clip.mp4");
    TestVideoWriter.write(video, "libopenh264", 10, 1, W, H, frames);
    List<byte[]> many = new ArrayList<>();
    for (int i = 0; i < LONG; i++) {
      many.add(frames.get(i % N));
    }
    longVideo = work.resolve("long.mp4");
    TestVideoWriter.write(longVideo, "libopenh264", 10, 1, W, H, many);
  }

  @Test
  void aVideoIsRecordedHeadlessWithNoJavaOnThePath() throws Exception {
    Set<Path> shipped = filesOf(APP);
    Path out = work.resolve("clip.jsonl");
    Result run = start("headless", "--headless", "--source", video.toString(), "--out", out.toString()).await(180);
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains(video + ": " + N + " frames"), run.out());
    List<String> lines = Files.readAllLines(out);
    assertEquals(N + 1, lines.size(), "one line a frame and the end line: " + lines);
    for (int i = 0; i < N; i++) {
      JsonNode record = JSON.readTree(lines.get(i));
      assertEquals(i, record.get("frame").asInt(), lines.get(i));
      assertEquals(i * 100.0, record.get("t_ms").asDouble(), 1e-6, lines.get(i));
      assertTrue(record.get("faces").size() >= 2, "faces in frame " + i + ": " + lines.get(i));
    }
    assertEquals("{\"end\":\"complete\",\"frames\":" + N + "}", lines.get(N));
    // the user's folder is made as with ./mirror; the application's own files stay as shipped,
    // and the run's scratch folder in the user's cache folder is gone
    assertTrue(Files.isRegularFile(DistributionRun.userData(work.resolve("headless")).resolve("README.txt")));
    assertEquals(shipped, filesOf(APP), "the run changed the application's files");
    try (Stream<Path> runs = Files.list(cache("headless"))) {
      assertEquals(List.of(), runs.collect(Collectors.toList()), "scratch folders left behind");
    }
  }

  @Test
  void theProgramRunsOnTheApplicationsJavaWithTelemetryOffAndItsScratchFolderAsTemp() throws Exception {
    Path photos = photoFolder("telemetry");
    Started run = start("telemetry", "--headless", "--source", photos.toString());
    try {
      ProcessHandle program = programOf(run);
      Path scratch = cache("telemetry").resolve("run-" + run.process().pid());
      List<String> environ = read(program, "environ");
      assertTrue(environ.contains("ORT_DISABLE_TELEMETRY=1"), "environment of the program: " + environ);
      assertTrue(environ.contains("XDG_CACHE_HOME=" + scratch.resolve("cache")), environ.toString());
      List<String> cmdline = read(program, "cmdline");
      assertEquals(JAVA.toString(), cmdline.get(0));
      assertTrue(cmdline.contains("-Djava.io.tmpdir=" + scratch), cmdline.toString());
      // the JVM options of ./mirror: the same argument file, shipped in the application
      Path options = APP.resolve("lib").resolve("app").resolve("jvm.options");
      assertTrue(cmdline.contains("@" + options), cmdline.toString());
      assertEquals(
          Files.readString(DistributionRun.DIST.resolve("jvm.options")), Files.readString(options));
      Result result = run.await(120);
      assertEquals(0, result.exit(), result.err());
      assertTrue(result.out().contains("1 frames"), result.out());
    } finally {
      run.process().destroyForcibly();
    }
  }

  @Test
  void aStopSignalToTheApplicationStopsTheProgramAndRemovesItsScratchFolder() throws Exception {
    Path out = work.resolve("signal.jsonl");
    Started run = start("signal", "--headless", "--realtime", "--source", longVideo.toString(), "--out", out.toString());
    try {
      ProcessHandle program = programOf(run);
      awaitRecording(run, out);
      Path scratch = cache("signal").resolve("run-" + run.process().pid());
      assertTrue(Files.isDirectory(scratch), "the run works in " + scratch);
      run.process().destroy(); // SIGTERM to the launcher
      assertTrue(run.process().waitFor(45, TimeUnit.SECONDS), "the application did not stop on SIGTERM");
      assertFalse(program.isAlive(), "the program outlived its launcher");
      assertFalse(Files.exists(scratch), "the run's scratch folder was left behind: " + scratch);
      List<String> lines = Files.readAllLines(OutFile.partialOf(out));
      assertTrue(lines.size() < LONG + 1, "stopped before the end: " + lines.size() + " lines");
      assertTrue(lines.get(lines.size() - 1).startsWith("{\"end\":\"interrupted\""), lines.get(lines.size() - 1));
    } finally {
      run.process().destroyForcibly();
    }
  }

  @Test
  void theProgramEndsWhenItsLauncherIsKilled() throws Exception {
    Path out = work.resolve("killed.jsonl");
    Started run = start("killed", "--headless", "--realtime", "--source", longVideo.toString(), "--out", out.toString());
    try {
      ProcessHandle program = programOf(run);
      awaitRecording(run, out);
      run.process().destroyForcibly(); // SIGKILL: the launcher cannot pass it on
      assertTrue(program.onExit().get(45, TimeUnit.SECONDS) != null, "the program ended");
      Path scratch = cache("killed").resolve("run-" + run.process().pid());
      assertFalse(Files.exists(scratch), "the run's scratch folder was left behind: " + scratch);
    } finally {
      run.process().destroyForcibly();
    }
  }

  @Test
  void theApplicationTakesTheOptionsOfMirror() throws Exception {
    Result help = start("help", "--help").await(60);
    assertEquals(0, help.exit(), help.err());
    assertEquals(Options.USAGE + System.lineSeparator(), help.out());
    Result evalHelp = start("help", "eval", "--help").await(60);
    assertEquals(EvalOptions.USAGE + System.lineSeparator(), evalHelp.out());
    Result bad = start("help", "--headless", "--source", work.resolve("nope.mp4").toString()).await(60);
    assertEquals(2, bad.exit(), bad.err());
    assertEquals("error: source not found: " + work.resolve("nope.mp4"), bad.err().lines().findFirst().orElse(""));
  }

  /**
   * bin/expression-mirror ARGS in a bare environment: HOME and XDG_DATA_HOME in {@code
   * work/name}, and a PATH of one empty folder, checked to name no java.
   */
  private static Started start(String name, String... args) throws IOException {
    Path home = Files.createDirectories(work.resolve(name));
    Path bin = Files.createDirectories(work.resolve("bin-without-java"));
    ProcessBuilder pb = new ProcessBuilder(command(args));
    Map<String, String> env = pb.environment();
    env.clear();
    env.put("HOME", home.resolve("home").toString());
    env.put("XDG_DATA_HOME", home.resolve("xdg-data").toString());
    env.put("PATH", bin.toString());
    for (String dir : env.get("PATH").split(File.pathSeparator)) {
      assertFalse(Files.exists(Path.of(dir, "java")), "java on the PATH: " + dir);
    }
    Path out = Files.createTempFile(work, name + "-out", ".txt");
    Path err = Files.createTempFile(work, name + "-err", ".txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    return new Started(pb.start(), out, err, String.join(" ", args));
  }

  private static List<String> command(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(LAUNCHER.toString());
    cmd.addAll(List.of(args));
    return cmd;
  }

  /** Where the runs of {@link #start start(name, ...)} keep their scratch folders. */
  private static Path cache(String name) {
    return work.resolve(name).resolve("home").resolve(".cache").resolve("expression-mirror");
  }

  /** The program's JVM, the launcher's child, once it runs the application's java. */
  private static ProcessHandle programOf(Started run) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      assertTrue(run.process().isAlive(), "ended: " + Files.readString(run.err()));
      for (ProcessHandle child : run.process().children().collect(Collectors.toList())) {
        List<String> cmdline = read(child, "cmdline");
        // before its exec the child is still the JDK's spawn helper
        if (!cmdline.isEmpty() && cmdline.get(0).equals(JAVA.toString())) {
          return child;
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the launcher started no program: " + Files.readString(run.err()));
  }

  /** Waits until the run has recorded a frame (in its partial record). */
  private static void awaitRecording(Started run, Path out) throws Exception {
    Path partial = OutFile.partialOf(out);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (!Files.exists(partial) || Files.readString(partial).indexOf('\n') < 0) {
      assertTrue(run.process().isAlive(), "ended by itself: " + Files.readString(run.err()));
      assertTrue(System.nanoTime() < deadline, "no frame recorded within 90 s: " + Files.readString(run.err()));
      Thread.sleep(200);
    }
  }

  /** /proc/PID/FILE split at its NUL bytes (empty when the process is gone). */
  private static List<String> read(ProcessHandle process, String file) {
    try {
      String text = new String(Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), file)), StandardCharsets.UTF_8);
      return text.isEmpty() ? List.of() : List.of(text.split("\0"));
    } catch (IOException e) {
      return List.of();
    }
  }

  private static Path photoFolder(String name) throws IOException {
    Path photos = Files.createDirectories(work.resolve(name + "-photos"));
    Files.copy(DistributionRun.PHOTOS.resolve("sample4.jpg"), photos.resolve("sample4.jpg"), StandardCopyOption.REPLACE_EXISTING);
    return photos;
  }

  private static Set<Path> filesOf(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      return all.collect(Collectors.toSet());
    }
  }

  /** The photo scaled to W x H, moved left by {@code shift} pixels, as BGR rows. */
  private static byte[] bgr(BufferedImage photo, int shift) {
    BufferedImage frame = new BufferedImage(W, H, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = frame.createGraphics();
    g.drawImage(photo, -shift, 0, W + 40, H, null);
    g.dispose();
    return ((DataBufferByte) frame.getRaster().getDataBuffer()).getData().clone();
  }
}

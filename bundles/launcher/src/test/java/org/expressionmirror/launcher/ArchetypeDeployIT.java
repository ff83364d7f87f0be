package org.expressionmirror.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/extending.md end to end, as a user does it: generate a smoother from the component
 * archetype with Maven, build it (its unit test runs), drop the jar into the user's deploy/
 * folder of a running mirror, select it by id in the watched configuration, and see the records
 * name it; then remove the jar and see the default come back. Frames are numbered without a gap
 * throughout: none was lost to the swaps.
 */
class ArchetypeDeployIT {
  private static final String ID = "lesson-ema";
  private static final Pattern FRAME = Pattern.compile("^\\{\"frame\":(\\d+),.*\"smoother\":\"([^\"]+)\"");
  private static final long STEP_SECONDS = 45;

  @TempDir static Path work;

  @BeforeAll
  static void distributionIsBuilt() {
    assertTrue(DistributionRun.built(), "no distribution in " + DistributionRun.DIST);
  }

  @Test
  void aGeneratedSmootherIsBuiltDeployedSelectedRecordedAndRemoved() throws Exception {
    long started = System.nanoTime();
    Path jar = generateAndBuild();
    System.out.printf("archetype:generate and package: %.1f s%n", (System.nanoTime() - started) / 1e9);

    Path config = Files.createDirectories(work.resolve("config"));
    for (String cfg : List.of("mirror.pipeline.cfg")) {
      Files.copy(DistributionRun.CONFIG.resolve(cfg), config.resolve(cfg));
    }
    Path clip = MjpegAvi.minute(DistributionRun.PHOTOS.resolve("sample4.jpg"), work.resolve("minute.avi"));
    Path partial = work.resolve("run.jsonl.partial");
    DistributionRun.Started mirror =
        DistributionRun.start(
            work,
            Map.of("DISPLAY", "", "WAYLAND_DISPLAY", ""),
            "--headless", "--source", clip.toString(), "--realtime", "--config", config.toString(),
            "--out", work.resolve("run.jsonl").toString());
    try {
      DistributionRun.awaitRecording(mirror, partial, 90);
      Path deploy = DistributionRun.userData(work).resolve("deploy");
      assertTrue(Files.isDirectory(deploy), "the user's deploy folder " + deploy);

      // drop the jar in (complete at once: a file moved in), then select it by id
      Path staged = work.resolve(jar.getFileName());
      Files.copy(jar, staged);
      Path dropped = deploy.resolve(jar.getFileName());
      long droppedAt = System.nanoTime();
      Files.move(staged, dropped, StandardCopyOption.ATOMIC_MOVE);
      select(config, ID);
      int firstOwn = await(partial, mirror, -1, s -> s.startsWith(ID + "@1.0.0"), "records name " + ID);
      System.out.printf("jar dropped and selected: in the records after %.1f s%n", (System.nanoTime() - droppedAt) / 1e9);

      // take it away: the pipeline falls back to the default smoother (ema) without a restart
      Files.delete(dropped);
      int back = await(partial, mirror, firstOwn, s -> s.startsWith("ema@"), "records name ema again after the jar is gone");
      assertTrue(back > firstOwn, "the default comes back after " + ID);
    } finally {
      mirror.process().destroy(); // SIGTERM: the record ends as interrupted
      assertTrue(mirror.process().waitFor(60, TimeUnit.SECONDS), "SIGTERM ended the program");
    }
    List<int[]> frames = frames(partial);
    for (int i = 0; i < frames.size(); i++) {
      assertEquals(i, frames.get(i)[0], "frame lines numbered without a gap: no frame lost");
    }
    String err = Files.readString(mirror.err());
    assertTrue(!err.contains("Exception"), err);
  }

  /** archetype:generate, then package (with its unit test), offline on the build's repository. */
  private static Path generateAndBuild() throws IOException, InterruptedException {
    String repo = System.getProperty("mirror.maven.repo");
    assertTrue(repo != null && Files.isDirectory(Path.of(repo)), "the build's local repository: " + repo);
    maven(
        work,
        "-Dmaven.repo.local=" + repo,
        "org.apache.maven.plugins:maven-archetype-plugin:3.3.1:generate",
        "-DinteractiveMode=false",
        "-DarchetypeGroupId=org.expressionmirror",
        "-DarchetypeArtifactId=org.expressionmirror.component-archetype",
        "-DarchetypeVersion=0.1.0-SNAPSHOT",
        "-DgroupId=org.example.lesson",
        "-DartifactId=lesson-smoother",
        "-Dversion=1.0.0",
        "-Dpackage=org.example.lesson.smoother",
        "-Dkind=smoother",
        "-DcomponentId=" + ID,
        "-DclassName=LessonSmoother");
    Path project = work.resolve("lesson-smoother");
    assertTrue(Files.isRegularFile(project.resolve("src/main/java/org/example/lesson/smoother/LessonSmootherConfig.java")));
    String log = maven(project, "-Dmaven.repo.local=" + repo, "package");
    assertTrue(log.contains("Tests run: 2, Failures: 0, Errors: 0, Skipped: 0"), "the generated unit test ran: " + log);
    Path jar = project.resolve("target/lesson-smoother-1.0.0.jar");
    assertTrue(Files.isRegularFile(jar), jar.toString());
    return jar;
  }

  private static String maven(Path dir, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("maven.home"), "bin", "mvn").toString());
    cmd.add("-B");
    cmd.add("-o");
    cmd.addAll(List.of(args));
    Path log = Files.createTempFile(work, "mvn", ".log");
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process p = pb.start();
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "mvn " + args[args.length - 1] + " ended within 5 minutes");
    String out = Files.readString(log);
    assertEquals(0, p.exitValue(), String.join(" ", cmd) + "\n" + out);
    return out;
  }

  /** Selects the smoother in the watched file, written whole at once. */
  private static void select(Path config, String smoother) throws IOException {
    Path cfg = config.resolve("mirror.pipeline.cfg");
    List<String> lines = new ArrayList<>();
    for (String line : Files.readAllLines(cfg)) {
      lines.add(line.startsWith("smoother=") ? "smoother=" + smoother : line);
    }
    Path tmp = config.resolve("mirror.pipeline.tmp");
    Files.write(tmp, lines, StandardCharsets.UTF_8);
    Files.move(tmp, cfg, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** The first frame after {@code after} whose smoother matches, waiting while the program records. */
  private static int await(
      Path partial, DistributionRun.Started run, int after, java.util.function.Predicate<String> smoother, String what)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STEP_SECONDS);
    while (System.nanoTime() < deadline) {
      List<int[]> frames = frames(partial);
      List<String> smoothers = smoothers(partial);
      for (int i = 0; i < frames.size(); i++) {
        if (frames.get(i)[0] > after && smoother.test(smoothers.get(i))) {
          return frames.get(i)[0];
        }
      }
      assertTrue(run.process().isAlive(), "ended before: " + what + "; " + Files.readString(run.err()));
      Thread.sleep(250);
    }
    throw new AssertionError(what + " within " + STEP_SECONDS + " s; stderr: " + Files.readString(run.err()));
  }

  private static List<int[]> frames(Path record) throws IOException {
    List<int[]> frames = new ArrayList<>();
    try (Stream<String> lines = Files.lines(record)) {
      lines.map(FRAME::matcher).filter(Matcher::find).forEach(m -> frames.add(new int[] {Integer.parseInt(m.group(1))}));
    }
    return frames;
  }

  private static List<String> smoothers(Path record) throws IOException {
    List<String> smoothers = new ArrayList<>();
    try (Stream<String> lines = Files.lines(record)) {
      lines.map(FRAME::matcher).filter(Matcher::find).forEach(m -> smoothers.add(m.group(2)));
    }
    return smoothers;
  }
}

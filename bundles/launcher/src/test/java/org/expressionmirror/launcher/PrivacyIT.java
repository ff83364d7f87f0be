package org.expressionmirror.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.expressionmirror.launcher.DistributionRun.Result;
import org.expressionmirror.launcher.DistributionRun.Started;
import org.expressionmirror.launcher.SyscallTrace.Call;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No network, proven: {@code ./mirror} runs under strace, following every thread and child
 * process, headless, with the window (on an Xvfb of its own) and as {@code mirror eval}. A run
 * fails on any connect() except to the X server's socket, on anything sent to a network address,
 * and on any file or folder created outside the run's scratch folder, the distribution's
 * user-data folders, the --out file (with its partial and temporary names) and /dev, /proc.
 *
 * <p>The program gets a fresh HOME, and the environment variables by which ONNX Runtime would
 * switch its telemetry off by itself (its own opt-out, CI markers) are removed: the program must
 * switch it off, not the test. Needs strace (Debian package strace, installed by .ci/run).
 */
class PrivacyIT {
  /** Variables ONNX Runtime 1.29 reads to skip telemetry; a CI machine sets some of them. */
  private static final List<String> TELEMETRY_SWITCHES =
      List.of(
          "ORT_DISABLE_TELEMETRY", "ORT_TELEMETRY_DISABLED", "ORT_RUNNING_UNIT_TESTS", "CI", "TF_BUILD",
          "GITHUB_ACTIONS", "GITLAB_CI", "CIRCLECI", "TRAVIS", "JENKINS_URL", "CODEBUILD_BUILD_ID",
          "BUILDKITE", "TEAMCITY_VERSION", "APPVEYOR", "BITBUCKET_BUILD_NUMBER",
          "SYSTEM_TEAMFOUNDATIONCOLLECTIONURI", "XDG_CACHE_HOME", "TMPDIR");

  @TempDir static Path work;
  private static PrivateDisplay x11;

  @BeforeAll
  static void distributionIsBuiltAndStraceIsThere() throws Exception {
    assertTrue(DistributionRun.built(), "no distribution in " + DistributionRun.DIST);
    Process p = new ProcessBuilder("strace", "-V").redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    assertEquals(0, p.waitFor(), "strace does not run (Debian package strace)");
  }

  @AfterAll
  static void stopXvfb() {
    if (x11 != null) {
      x11.close();
    }
  }

  @Test
  void aHeadlessRunConnectsNowhereAndWritesOnlyItsRecord() throws Exception {
    Path out = Files.createDirectories(work.resolve("headless-out")).resolve("faces.jsonl");
    Traced run = traced("headless", Map.of(), "--headless", "--source", photo().toString(), "--out", out.toString());
    Result result = run.started().await(120);
    assertEquals(0, result.exit(), result.err());
    assertTrue(Files.readString(out).contains("\"scores\""), "the run did record faces");
    run.assertPrivate(out);
  }

  @Test
  void theWindowConnectsOnlyToTheXServer() throws Exception {
    x11 = PrivateDisplay.start(work);
    Path photos = Files.createDirectories(work.resolve("window-photos"));
    Files.copy(photo(), photos.resolve("sample4.jpg"), StandardCopyOption.REPLACE_EXISTING);
    Traced run = traced("window", Map.of("DISPLAY", x11.name()), "--source", photos.toString());
    Result result;
    try {
      String window = x11.awaitWindow(run.started().process(), 90);
      x11.xdotool("windowfocus", "--sync", window, "key", "q");
      result = run.started().await(60);
    } finally {
      run.started().process().destroyForcibly();
    }
    assertEquals(0, result.exit(), result.err());
    run.assertPrivate(null);
  }

  @Test
  void anEvaluationConnectsNowhereAndWritesOnlyItsReport() throws Exception {
    Path dataset = work.resolve("dataset");
    Files.createDirectories(dataset.resolve("happy"));
    Files.copy(photo(), dataset.resolve("happy").resolve("sample4.jpg"), StandardCopyOption.REPLACE_EXISTING);
    Path report = Files.createDirectories(work.resolve("eval-out")).resolve("report.json");
    Traced run = traced("eval", Map.of(), "eval", "--dataset", dataset.toString(), "--out", report.toString());
    Result result = run.started().await(120);
    assertEquals(0, result.exit(), result.err());
    assertTrue(Files.isRegularFile(report), "the evaluation wrote its report");
    run.assertPrivate(report);
  }

  @Test
  void startedWithoutTheTelemetryOptOutTheProgramRefusesBeforeLoadingAnything() throws Exception {
    List<String> java =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Djava.io.tmpdir=" + work.resolve("plain-temp"),
            "-Dmirror.home=" + DistributionRun.DIST.toAbsolutePath(),
            "-Dmirror.config=" + DistributionRun.CONFIG,
            "-cp",
            DistributionRun.DIST.toAbsolutePath() + "/lib/*",
            "org.expressionmirror.launcher.Main",
            "--headless",
            "--source",
            photo().toString());
    Result result = DistributionRun.start(work, java, withoutSwitches(Map.of()), "plain java").await(60);
    assertEquals(2, result.exit(), result.err());
    assertTrue(result.err().startsWith("error: ORT_DISABLE_TELEMETRY=1 is not set"), result.err());
    assertEquals(1, result.err().lines().count(), result.err());
  }

  /** ./mirror ARGS under strace with an empty HOME and no telemetry switch from outside. */
  private static Traced traced(String name, Map<String, String> extra, String... args) throws IOException {
    Path home = Files.createDirectories(work.resolve(name + "-home"));
    Path log = work.resolve(name + ".strace");
    Map<String, String> env = new HashMap<>(extra);
    env.put("HOME", home.toString());
    List<String> cmd = SyscallTrace.command(log, DistributionRun.command(args));
    Started started = DistributionRun.start(work, cmd, withoutSwitches(env), String.join(" ", args));
    return new Traced(started, log, home);
  }

  /** The environment with the telemetry switches removed (a null value removes a variable). */
  private static Map<String, String> withoutSwitches(Map<String, String> env) {
    Map<String, String> result = new HashMap<>(env);
    TELEMETRY_SWITCHES.forEach(v -> result.putIfAbsent(v, null));
    return result;
  }

  private record Traced(Started started, Path log, Path home) {
    /** Fails naming every connection and every file outside the allowed places. */
    void assertPrivate(Path out) throws IOException {
      // the traced process is strace; the program is its first child, the JVM (./mirror execs it)
      List<Call> calls = SyscallTrace.read(log);
      assertTrue(calls.size() > 100, "the trace is empty: " + log);
      long pid = calls.get(0).pid();
      Predicate<Path> allowed = allowedPlaces(pid, out);
      List<String> problems = new ArrayList<>();
      for (Call c : calls) {
        if (c.reachesTheNetwork()) {
          problems.add("network: " + c);
        } else if (c.name().equals("connect") && !c.unixPath().map(PrivacyIT::localService).orElse(false)) {
          problems.add("connection: " + c);
        }
        c.created()
            .filter(allowed.negate())
            .ifPresent(p -> problems.add("file outside the allowed places: " + p + " by " + c));
      }
      try (Stream<Path> left = Files.walk(home)) {
        left.filter(p -> !p.equals(home)).forEach(p -> problems.add("left in HOME: " + p));
      }
      assertTrue(problems.isEmpty(), problems.size() + " problems (trace " + log + "):\n" + String.join("\n", problems));
    }

    private static Predicate<Path> allowedPlaces(long pid, Path out) {
      Path dist = DistributionRun.DIST.toAbsolutePath().normalize();
      List<Path> folders =
          List.of(
              dist.resolve("work").resolve("run-" + pid),
              // the scratch root, and the user's folder for models, model bundles and features
              // (with XDG_DATA_HOME, its parent, made if it did not exist)
              dist.resolve("work"),
              DistributionRun.userData(work).getParent(),
              Path.of("/dev"),
              Path.of("/proc"));
      Predicate<Path> allowed = p -> folders.stream().anyMatch(p::startsWith);
      if (out == null) {
        return allowed;
      }
      Path o = out.toAbsolutePath().normalize();
      String n = o.getFileName().toString();
      // the record or report, its unfinished names, its lock, and the check that --out's folder is
      // writable
      Pattern names = Pattern.compile(Pattern.quote(n) + "(\\.partial|\\.lock)?|\\." + Pattern.quote(n) + "\\.tmp|\\.mirror-\\d+\\.probe");
      return allowed.or(p -> o.getParent().equals(p.getParent()) && names.matcher(p.getFileName().toString()).matches());
    }
  }

  /** The X server's socket, and the C library's user lookup (nscd), both on this machine. */
  private static boolean localService(String socket) {
    return socket.matches("/tmp/\\.X11-unix/X\\d+") || socket.equals("/var/run/nscd/socket");
  }

  private static Path photo() {
    return DistributionRun.PHOTOS.resolve("sample4.jpg");
  }
}

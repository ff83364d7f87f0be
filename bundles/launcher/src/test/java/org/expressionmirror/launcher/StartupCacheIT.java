package org.expressionmirror.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.expressionmirror.launcher.DistributionRun.Result;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start-up: the start-up breakdown ({@code -Dmirror.timing=true}) and the golden checks a start
 * remembers in the user's cache folder, seen from outside as a user runs {@code ./mirror}.
 */
class StartupCacheIT {
  private static final String FACEAPI = "model 'faceapi-expression' ready in ";

  @TempDir Path work;

  @BeforeAll
  static void distributionIsBuilt() {
    assertTrue(DistributionRun.built(), "no distribution in " + DistributionRun.DIST);
  }

  private Result start(String... extra) throws Exception {
    Path out = work.resolve("run.jsonl");
    List<String> args = new java.util.ArrayList<>(List.of(
        "--headless", "--source", DistributionRun.PHOTOS.resolve("sample1.jpg").toString(), "--out", out.toString()));
    args.addAll(List.of(extra));
    Result run = DistributionRun.run(work, args.toArray(String[]::new));
    assertEquals(0, run.exit(), run.err());
    assertTrue(Files.readString(out).contains("{\"end\":\"complete\",\"frames\":1}"), Files.readString(out));
    return run;
  }

  /** The model's timing line: how its golden check went ("checked" or "cached"). */
  private static String golden(Result run) {
    String line = run.err().lines().filter(l -> l.contains(FACEAPI)).findFirst()
        .orElseThrow(() -> new AssertionError("no timing line for faceapi-expression: " + run.err()));
    assertTrue(line.matches("timing: +[\\d.]+ s  expression-onnx: model 'faceapi-expression' ready in \\d+ ms "
        + "\\(session \\d+ ms, golden check (checked|cached) \\d+ ms, warm-up \\d+ ms\\)"), line);
    return line.contains("golden check cached") ? "cached" : "checked";
  }

  private List<Path> cacheFiles() throws Exception {
    Path golden = DistributionRun.userData(work).resolve("cache/golden");
    try (Stream<Path> files = Files.list(golden)) {
      return files.sorted().toList();
    }
  }

  @Test
  void aSecondStartUsesTheGoldenChecksTheFirstRemembered() throws Exception {
    Result first = start("-Dmirror.timing=true");
    assertEquals("checked", golden(first));
    // the breakdown: framework phases, every bundle's start, then the first frame, in that order
    String err = first.err();
    int framework = err.indexOf("launcher: framework created and initialised");
    int bundle = err.indexOf("launcher:   org.expressionmirror.platform.onnxruntime started in");
    int frame = err.indexOf("pipeline: first frame processed");
    assertTrue(framework >= 0 && bundle > framework && frame > bundle, err);
    // the three shipped models (faceapi-expression, faceapi-ferplus, minixception-fer2013) have a
    // golden file each, so three passes are remembered
    assertEquals(3, cacheFiles().size(), cacheFiles().toString());

    Result second = start("-Dmirror.timing=true");
    assertEquals("cached", golden(second));
    assertFalse(second.err().contains("WARN"), second.err());
  }

  @Test
  void aDamagedCacheFileIsNamedAndTheModelIsCheckedAgain() throws Exception {
    start();
    List<Path> files = cacheFiles();
    for (Path f : files) {
      Files.writeString(f, "not a pass\n");
    }
    Result run = start("-Dmirror.timing=true");
    assertEquals("checked", golden(run));
    assertTrue(run.err().lines().anyMatch(l -> l.startsWith("WARN org.expressionmirror.expression.onnx: golden check cache file ")
        && l.contains(" is damaged; ignoring it and checking the model again")), run.err());
    assertEquals("cached", golden(start("-Dmirror.timing=true")), "the new check was remembered");
  }

  @Test
  void withoutTheSwitchAStartPrintsNoTimingLines() throws Exception {
    Result run = start();
    assertFalse(run.err().contains("timing:"), run.err());
    assertFalse(run.out().contains("timing:"), run.out());
  }
}

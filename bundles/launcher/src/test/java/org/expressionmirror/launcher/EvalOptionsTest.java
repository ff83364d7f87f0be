package org.expressionmirror.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvalOptionsTest {
  private static final Path CONFIG = Path.of("runtime-config");

  @Test
  void settingsBecomeFrameworkPropertiesOfAHeadlessEvalRun() {
    Options o =
        EvalOptions.parse(
                List.of("--dataset", "faces", "--model", "minixception-fer2013", "--detector", "haar", "--out", "r.json", "-Dx=1"),
                CONFIG)
            .toOptions();
    assertEquals("eval", o.feature());
    assertTrue(o.headless());
    assertNull(o.source());
    assertNull(o.out(), "the report is not the run's JSON Lines record");
    assertEquals(Path.of("faces").toAbsolutePath().toString(), o.properties().get("mirror.eval.dataset"));
    assertEquals("minixception-fer2013", o.properties().get("mirror.eval.model"));
    assertEquals("haar", o.properties().get("mirror.eval.detector"));
    assertEquals(Path.of("r.json").toAbsolutePath().toString(), o.properties().get("mirror.eval.out"));
    assertEquals("1", o.properties().get("x"));
  }

  @Test
  void defaultsAreNoDetectorAndTheBundlesDefaultModel() {
    Options o = EvalOptions.parse(List.of("--dataset", "faces"), CONFIG).toOptions();
    assertEquals("none", o.properties().get("mirror.eval.detector"));
    assertFalse(o.properties().containsKey("mirror.eval.model"));
    assertFalse(o.properties().containsKey("mirror.eval.out"));
    assertEquals(CONFIG, o.config());
  }

  @Test
  void badCommandLinesNameTheProblem() {
    assertEquals(
        "eval needs --dataset",
        assertThrows(IllegalArgumentException.class, () -> EvalOptions.parse(List.of("--model", "x"), CONFIG)).getMessage());
    assertEquals(
        "unknown eval option: --source",
        assertThrows(IllegalArgumentException.class, () -> EvalOptions.parse(List.of("--source", "x"), CONFIG)).getMessage());
    assertEquals(
        "--model needs a value",
        assertThrows(IllegalArgumentException.class, () -> EvalOptions.parse(List.of("--dataset", "d", "--model"), CONFIG)).getMessage());
  }

  @Test
  void compareAndSkipUnknownLabelsBecomeFrameworkProperties() {
    Options o =
        EvalOptions.parse(
                List.of("--dataset", "faces", "--model", "faceapi-expression", "--compare", "minixception-fer2013", "--skip-unknown-labels"),
                CONFIG)
            .toOptions();
    assertEquals("minixception-fer2013", o.properties().get("mirror.eval.compare"));
    assertEquals("true", o.properties().get("mirror.eval.skipUnknownLabels"));
    Options plain = EvalOptions.parse(List.of("--dataset", "faces"), CONFIG).toOptions();
    assertFalse(plain.properties().containsKey("mirror.eval.compare"));
    assertFalse(plain.properties().containsKey("mirror.eval.skipUnknownLabels"));
    assertEquals(
        "plurality",
        EvalOptions.parse(List.of("--dataset", "faces", "--label-rule", "plurality"), CONFIG).toOptions().properties().get("mirror.eval.labelRule"));
    assertFalse(plain.properties().containsKey("mirror.eval.labelRule"));
    assertEquals(
        "--label-rule majority: must be ferplus or plurality",
        assertThrows(IllegalArgumentException.class, () -> EvalOptions.parse(List.of("--dataset", "d", "--label-rule", "majority"), CONFIG))
            .getMessage());
    assertEquals(
        "--compare needs a value",
        assertThrows(IllegalArgumentException.class, () -> EvalOptions.parse(List.of("--dataset", "d", "--compare"), CONFIG)).getMessage());
  }
}

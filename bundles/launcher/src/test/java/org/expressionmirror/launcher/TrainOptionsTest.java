package org.expressionmirror.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainOptionsTest {
  private static final Path CONFIG = Path.of("runtime-config");

  @Test
  void settingsBecomeFrameworkPropertiesOfAHeadlessTrainRun() {
    Options o =
        TrainOptions.parse(
                List.of("--dataset", "faces", "--labels", "votes.csv", "--validation", "valid", "--backbone", "b", "--detector", "haar", "--folds", "10",
                    "--name", "mine-2", "--out", "models", "--report", "r.json", "--home", "h", "-Dmirror.train.l2=0.01"),
                CONFIG)
            .toOptions();
    assertEquals("train", o.feature());
    assertTrue(o.headless());
    assertNull(o.source());
    assertNull(o.out(), "the model folder is not the run's JSON Lines record");
    assertEquals(Path.of("h"), o.home());
    assertEquals(Path.of("faces").toAbsolutePath().toString(), o.properties().get("mirror.train.dataset"));
    assertEquals(Path.of("votes.csv").toAbsolutePath().toString(), o.properties().get("mirror.train.labels"));
    assertEquals(Path.of("valid").toAbsolutePath().toString(), o.properties().get("mirror.train.validation"));
    assertEquals("b", o.properties().get("mirror.train.backbone"));
    assertEquals("haar", o.properties().get("mirror.train.detector"));
    assertEquals("10", o.properties().get("mirror.train.folds"));
    assertEquals("mine-2", o.properties().get("mirror.train.name"));
    assertEquals(Path.of("models").toAbsolutePath().toString(), o.properties().get("mirror.train.out"));
    assertEquals(Path.of("r.json").toAbsolutePath().toString(), o.properties().get("mirror.train.report"));
    assertEquals("0.01", o.properties().get("mirror.train.l2"));
  }

  @Test
  void defaultsAreFaceApiNoDetectorFiveFoldsAndTheUsersModelsFolder() {
    Options o = TrainOptions.parse(List.of("--dataset", "faces"), CONFIG).toOptions();
    assertEquals("faceapi-expression", o.properties().get("mirror.train.backbone"));
    assertEquals("none", o.properties().get("mirror.train.detector"));
    assertEquals("5", o.properties().get("mirror.train.folds"));
    assertEquals("trained", o.properties().get("mirror.train.name"));
    assertFalse(o.properties().containsKey("mirror.train.out"));
    assertFalse(o.properties().containsKey("mirror.train.labels"));
    assertFalse(o.properties().containsKey("mirror.train.validation"));
    assertFalse(o.properties().containsKey("mirror.train.labelRule"), "the training bundle's default: ferplus");
    assertEquals(
        "plurality",
        TrainOptions.parse(List.of("--dataset", "faces", "--label-rule", "plurality"), CONFIG).toOptions().properties().get("mirror.train.labelRule"));
  }

  @Test
  void badCommandLinesNameTheProblem() {
    assertEquals("train needs --dataset", message(List.of("--name", "x")));
    assertEquals("unknown train option: --model", message(List.of("--dataset", "d", "--model", "x")));
    assertEquals("--folds 1: cross-validation needs a whole number of folds, 2 or more", message(List.of("--dataset", "d", "--folds", "1")));
    assertEquals("--label-rule most: must be ferplus or plurality", message(List.of("--dataset", "d", "--label-rule", "most")));
    assertEquals("--folds five: cross-validation needs a whole number of folds, 2 or more", message(List.of("--dataset", "d", "--folds", "five")));
    assertEquals(
        "--name ../x is not a model id: letters, digits, '.', '_' and '-', at most 64",
        message(List.of("--dataset", "d", "--name", "../x")));
  }

  @Test
  void blendIsAutoOrAWeightInZeroToOneAndNotForOnePerson() {
    assertEquals("auto", TrainOptions.parse(List.of("--dataset", "d", "--blend", "auto"), CONFIG).toOptions().properties().get("mirror.train.blend"));
    assertEquals("0.9", TrainOptions.parse(List.of("--dataset", "d", "--blend", "0.9"), CONFIG).toOptions().properties().get("mirror.train.blend"));
    assertNull(TrainOptions.parse(List.of("--dataset", "d"), CONFIG).toOptions().properties().get("mirror.train.blend"));
    for (String bad : List.of("0", "1.5", "-0.2", "most", "NaN")) {
      assertEquals(
          "--blend " + bad + ": give auto or the trained head's weight, a number in (0, 1] (1: no blend)",
          message(List.of("--dataset", "d", "--blend", bad)));
    }
    assertEquals("--blend auto is not available with --one-person", message(List.of("--dataset", "d", "--one-person", "--blend", "auto")));
    assertEquals("--blend 0.9 is not available with --one-person", message(List.of("--dataset", "d", "--one-person", "--blend", "0.9")));
    // 1 in any spelling is no blend, so nothing to refuse
    assertEquals("1.0", TrainOptions.parse(List.of("--dataset", "d", "--one-person", "--blend", "1.0"), CONFIG).toOptions().properties().get("mirror.train.blend"));
  }

  private static String message(List<String> args) {
    return assertThrows(IllegalArgumentException.class, () -> TrainOptions.parse(args, CONFIG)).getMessage();
  }
}

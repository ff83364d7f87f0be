package org.expressionmirror.display.swt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.expressionmirror.api.Box;
import org.expressionmirror.api.Distribution;
import org.expressionmirror.api.FaceResult;
import org.expressionmirror.api.FrameResult;
import org.expressionmirror.api.StageTimes;
import org.junit.jupiter.api.Test;

/** The neutral baseline's arithmetic, with the clock passed in: mean, relative readings, no face. */
class NeutralBaselineTest {
  private static final long SECOND = 1_000_000_000L;
  private static final Box LARGE = new Box(100, 100, 200, 200);
  private static final Box SMALL = new Box(0, 0, 40, 40);

  @Test
  void theBaselineIsTheMeanOfTheMainFacesScoresOverThreeSeconds() {
    NeutralBaseline b = new NeutralBaseline();
    b.start(0);
    b.add(frame(face(LARGE, Map.of("neutral", 0.8, "happiness", 0.2)), face(SMALL, Map.of("anger", 1.0))), SECOND / 2);
    b.add(frame(face(LARGE, Map.of("neutral", 0.6, "happiness", 0.3, "sadness", 0.1))), 2 * SECOND);
    assertEquals(NeutralBaseline.State.RECORDING, b.state());
    assertEquals(1.0, b.secondsLeft(2 * SECOND), 1e-9);
    b.update(3 * SECOND);
    assertEquals(NeutralBaseline.State.ACTIVE, b.state());
    assertEquals(2, b.samples());
    Map<String, Double> mean = b.baseline();
    assertEquals(0.7, mean.get("neutral"), 1e-9);
    assertEquals(0.25, mean.get("happiness"), 1e-9);
    assertEquals(0.05, mean.get("sadness"), 1e-9);
    assertTrue(!mean.containsKey("anger"), "another, smaller face is not part of your baseline: " + mean);
  }

  @Test
  void aFrameAfterTheThreeSecondsIsNotTakenAndEndsTheRecording() {
    NeutralBaseline b = new NeutralBaseline();
    b.start(10 * SECOND);
    b.add(frame(face(LARGE, Map.of("neutral", 1.0))), 11 * SECOND);
    b.add(frame(face(LARGE, Map.of("happiness", 1.0))), 13 * SECOND);
    assertEquals(NeutralBaseline.State.ACTIVE, b.state());
    assertEquals(Map.of("neutral", 1.0), b.baseline());
  }

  @Test
  void readingsOfTheMainFaceAreSignedPercentagePointsFromTheBaseline() {
    NeutralBaseline b = new NeutralBaseline();
    b.start(0);
    FaceResult neutral = face(LARGE, Map.of("neutral", 0.7, "happiness", 0.3));
    b.add(frame(neutral), SECOND);
    b.update(3 * SECOND);
    FaceResult now = face(LARGE, Map.of("neutral", 0.2, "happiness", 0.8));
    FaceResult other = face(SMALL, Map.of("neutral", 0.2, "happiness", 0.8));
    assertEquals(Optional.of(0.3), b.of("happiness", now, now));
    assertEquals(Optional.of(0.0), b.of("surprise", now, now), "a label the baseline never saw had 0");
    assertEquals(Optional.empty(), b.of("happiness", other, now), "another face stays absolute");
    assertEquals(50.0, NeutralBaseline.relativePoints(0.8, 0.3), 1e-9);
    assertEquals(-50.0, NeutralBaseline.relativePoints(0.2, 0.7), 1e-9);
  }

  @Test
  void noFaceInTheThreeSecondsKeepsNoBaseline() {
    NeutralBaseline b = new NeutralBaseline();
    b.start(0);
    b.add(frame(), SECOND);
    b.add(frame(new FaceResult(1, LARGE, null, null)), 2 * SECOND);
    b.update(3 * SECOND);
    assertEquals(NeutralBaseline.State.NO_FACE, b.state());
    assertTrue(b.baseline().isEmpty());
    FaceResult now = face(LARGE, Map.of("neutral", 1.0));
    assertEquals(Optional.empty(), b.of("neutral", now, now));
  }

  @Test
  void recordingAgainDropsTheOldBaselineAndClearForgetsIt() {
    NeutralBaseline b = new NeutralBaseline();
    b.start(0);
    b.add(frame(face(LARGE, Map.of("neutral", 1.0))), SECOND);
    b.update(3 * SECOND);
    b.start(5 * SECOND);
    assertTrue(b.baseline().isEmpty());
    b.add(frame(face(LARGE, Map.of("happiness", 1.0))), 6 * SECOND);
    b.update(8 * SECOND);
    assertEquals(Map.of("happiness", 1.0), b.baseline());
    b.clear();
    assertEquals(NeutralBaseline.State.NONE, b.state());
    assertTrue(b.baseline().isEmpty());
  }

  private static FaceResult face(Box box, Map<String, Double> p) {
    Distribution d = new Distribution(p);
    return new FaceResult(1, box, d, d);
  }

  private static FrameResult frame(FaceResult... faces) {
    return new FrameResult(0, 0, "haar@1", "m@1", "ema@1", List.of(faces), new StageTimes(0, 0, 0, 0));
  }
}

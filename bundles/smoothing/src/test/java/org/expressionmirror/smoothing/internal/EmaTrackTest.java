package org.expressionmirror.smoothing.internal;

import static org.expressionmirror.smoothing.internal.Dists.HAPPY;
import static org.expressionmirror.smoothing.internal.Dists.SAD;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.expressionmirror.api.Distribution;
import org.expressionmirror.api.Smoother;
import org.junit.jupiter.api.Test;

class EmaTrackTest {
  private static final double EPS = 1e-9;

  @Test
  void firstUpdateIsTheScoresThemselves() {
    Distribution scores = Dists.of(0.2, 0.3, 0.5);
    Distribution out = new EmaTrack(() -> 0.5).update(1234, scores);
    assertEquals(0.2, out.get("happiness"), EPS);
    assertEquals(0.5, out.get("sadness"), EPS);
  }

  @Test
  void afterOneHalfLifeAStepChangeIsHalfwayAndAfterTwoThreeQuarters() {
    Smoother.Track track = new EmaTrack(() -> 0.5);
    track.update(0, HAPPY);
    Distribution out = null;
    // 30 fps: 15 frames of the new expression cover exactly one half-life of 0.5 s.
    for (int i = 1; i <= 15; i++) {
      out = track.update(i * 1000.0 / 30, SAD);
    }
    assertEquals(0.5, out.get("sadness"), EPS);
    assertEquals(0.5, out.get("happiness"), EPS);
    for (int i = 16; i <= 30; i++) {
      out = track.update(i * 1000.0 / 30, SAD);
    }
    assertEquals(0.75, out.get("sadness"), EPS);
  }

  @Test
  void oneUpdateMovesByOneMinusTwoToTheMinusDtOverHalfLife() {
    Smoother.Track track = new EmaTrack(() -> 1.0);
    track.update(0, HAPPY);
    // dt = 0.25 s, half-life 1 s: weight = 1 - 2^-0.25 = 0.1591035847...
    Distribution out = track.update(250, SAD);
    assertEquals(0.15910358474628546, out.get("sadness"), 1e-12);
    assertEquals(0.84089641525371454, out.get("happiness"), 1e-12);
  }

  @Test
  void thirtyAndTenFramesPerSecondAgreeAtTheSameTimes() {
    Smoother.Track fast = new EmaTrack(() -> 0.4);
    Smoother.Track slow = new EmaTrack(() -> 0.4);
    for (int i = 0; i <= 90; i++) {
      double t = i * 1000.0 / 30;
      Distribution scores = scoresAt(t);
      Distribution f = fast.update(t, scores);
      if (i % 3 == 0) {
        // The slow track sees every third frame: same source time, a third of the readings. On
        // this moving input the two differ by at most 0.021 (the slow one holds each reading
        // longer); a per-frame constant weight would make the 10 fps track three times slower.
        Distribution s = slow.update(t, scores);
        assertEquals(f.get("happiness"), s.get("happiness"), 0.03, "at " + t + " ms");
        assertEquals(f.get("sadness"), s.get("sadness"), 0.03, "at " + t + " ms");
      }
    }
  }

  @Test
  void skippedFramesCountAsALongerGapNotAsMissingWeight() {
    Smoother.Track regular = new EmaTrack(() -> 0.5);
    Smoother.Track gappy = new EmaTrack(() -> 0.5);
    regular.update(0, HAPPY);
    gappy.update(0, HAPPY);
    Distribution r = null;
    for (int i = 1; i <= 30; i++) {
      r = regular.update(i * 1000.0 / 30, SAD);
    }
    // The same constant input with frames 2..29 lost: the same state at t = 1 s.
    gappy.update(1000.0 / 30, SAD);
    Distribution g = gappy.update(1000, SAD);
    assertEquals(r.get("sadness"), g.get("sadness"), EPS);
    assertEquals(0.75, g.get("sadness"), EPS);
  }

  @Test
  void aNewHalfLifeAppliesToALiveTrack() {
    double[] halfLife = {0.5};
    Smoother.Track track = new EmaTrack(() -> halfLife[0]);
    track.update(0, HAPPY);
    halfLife[0] = 0.25;
    assertEquals(0.75, track.update(500, SAD).get("sadness"), EPS);
  }

  @Test
  void otherLabelsOrTimeGoingBackStartAfresh() {
    Smoother.Track track = new EmaTrack(() -> 0.5);
    track.update(0, HAPPY);
    track.update(100, SAD);
    Distribution other = Distribution.of(List.of("anger", "neutral"), new double[] {0.7, 0.3});
    assertEquals(0.7, track.update(200, other).get("anger"), EPS);
    Distribution back = track.update(50, Distribution.of(List.of("anger", "neutral"), new double[] {0.1, 0.9}));
    assertEquals(0.1, back.get("anger"), EPS);
  }

  @Test
  void resultsSumToOne() {
    Smoother.Track track = new EmaTrack(() -> 0.3);
    for (int i = 0; i < 200; i++) {
      Distribution out = track.update(i * 17.0, scoresAt(i * 17.0));
      double sum = out.probabilities().values().stream().mapToDouble(Double::doubleValue).sum();
      assertEquals(1.0, sum, 1e-12);
    }
  }

  /** A smoothly varying input: happiness rises and falls with a 2 s period. */
  private static Distribution scoresAt(double timeMs) {
    double h = 0.5 + 0.4 * Math.sin(2 * Math.PI * timeMs / 2000);
    return Dists.of(h, 0.1, 0.9 - h);
  }
}

package org.expressionmirror.smoothing.internal;

import static org.expressionmirror.smoothing.internal.Dists.HAPPY;
import static org.expressionmirror.smoothing.internal.Dists.SAD;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.expressionmirror.api.Distribution;
import org.junit.jupiter.api.Test;

class WindowTrackTest {
  private static final double EPS = 1e-12;

  @Test
  void meanOfTheReadingsInsideTheWindow() {
    WindowTrack track = new WindowTrack(() -> 1.0);
    track.update(0, Dists.of(0.6, 0.4, 0));
    track.update(100, Dists.of(0.2, 0.2, 0.6));
    Distribution out = track.update(200, Dists.of(0.1, 0.6, 0.3));
    assertEquals(0.3, out.get("happiness"), EPS);
    assertEquals(0.4, out.get("neutral"), EPS);
    assertEquals(0.3, out.get("sadness"), EPS);
  }

  @Test
  void readingsOlderThanTheWindowAreDropped() {
    WindowTrack track = new WindowTrack(() -> 1.0);
    for (int t = 0; t < 1000; t += 100) {
      track.update(t, HAPPY);
    }
    Distribution out = null;
    for (int t = 1000; t <= 1500; t += 100) {
      out = track.update(t, SAD);
    }
    // Window (500, 1500]: happy at 600..900 (4 readings), sad at 1000..1500 (6 readings).
    assertEquals(10, track.size());
    assertEquals(0.4, out.get("happiness"), EPS);
    assertEquals(0.6, out.get("sadness"), EPS);
    for (int t = 1600; t <= 2000; t += 100) {
      out = track.update(t, SAD);
    }
    assertEquals(0.0, out.get("happiness"), EPS);
    assertEquals(1.0, out.get("sadness"), EPS);
  }

  @Test
  void theNewestReadingIsKeptAfterAGapLongerThanTheWindow() {
    WindowTrack track = new WindowTrack(() -> 0.5);
    track.update(0, HAPPY);
    Distribution out = track.update(5000, SAD);
    assertEquals(1, track.size());
    assertEquals(1.0, out.get("sadness"), EPS);
  }

  @Test
  void timeGoingBackStartsAfresh() {
    WindowTrack track = new WindowTrack(() -> 1.0);
    track.update(500, HAPPY);
    Distribution out = track.update(100, SAD);
    assertEquals(1, track.size());
    assertEquals(1.0, out.get("sadness"), EPS);
  }
}

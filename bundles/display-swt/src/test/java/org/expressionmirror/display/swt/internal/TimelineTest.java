package org.expressionmirror.display.swt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.expressionmirror.api.Box;
import org.expressionmirror.api.Distribution;
import org.expressionmirror.api.FaceResult;
import org.expressionmirror.api.FrameResult;
import org.expressionmirror.api.StageTimes;
import org.junit.jupiter.api.Test;

class TimelineTest {
  static final Distribution HAPPY = new Distribution(Map.of("happiness", 0.8, "neutral", 0.2));
  static final Distribution NEUTRAL = new Distribution(Map.of("happiness", 0.1, "neutral", 0.9));

  static FrameResult result(double t, String model, List<FaceResult> faces) {
    return new FrameResult((long) t, t, "haar@1", model, "ema@1", faces, new StageTimes(0, 0, 0, 0));
  }

  @Test
  void keepsTheLargestFaceOverTheLastSixtySeconds() {
    Timeline timeline = new Timeline();
    FaceResult small = new FaceResult(1, new Box(0, 0, 10, 10), NEUTRAL, NEUTRAL);
    FaceResult large = new FaceResult(2, new Box(50, 0, 40, 40), HAPPY, HAPPY);
    for (int s = 0; s <= 90; s++) {
      timeline.add(result(s * 1000.0, "m@1", List.of(small, large)));
    }
    timeline.add(result(91_000, "m@1", List.of()));

    List<Timeline.Point> points = timeline.points();
    assertEquals(31_000, points.get(0).timeMs());
    assertEquals(61, points.size());
    assertEquals(HAPPY, points.get(0).smoothed());
    assertNull(points.get(60).smoothed()); // no face in the last frame
  }

  @Test
  void marksWhereAComponentChangedAndForgetsOnANewSource() {
    Timeline timeline = new Timeline();
    timeline.add(result(0, "a@1", List.of()));
    timeline.add(result(100, "a@1", List.of()));
    timeline.add(result(200, "b@2", List.of()));
    assertEquals(List.of(new Timeline.Marker(200, "model b@2")), timeline.markers());

    timeline.add(result(50, "b@2", List.of())); // time went back: another source
    assertTrue(timeline.markers().isEmpty());
    assertEquals(1, timeline.points().size());
  }
}

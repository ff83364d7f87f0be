package org.expressionmirror.display.swt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.ToIntFunction;
import org.expressionmirror.api.FrameResult;
import org.expressionmirror.api.StageTimes;
import org.junit.jupiter.api.Test;

/** The status line's layout and the timeline's time axis, without a display. */
class StatusAndAxisTest {
  /** A monospaced font of 7 px per character. */
  private static final ToIntFunction<String> SEVEN_PX = s -> 7 * s.length();

  private static final FrameResult RESULT =
      new FrameResult(
          5, 166, "blazeface-back@1.2.0", "enet_b0_8_best_afew@1.0.0", "window@1.0.0", List.of(),
          new StageTimes(1.25, 12.5, 3, 0.04));

  @Test
  void fieldsStayWholeAndWrapWhenTheLineIsFull() {
    List<String> fields = StatusLine.fields("camera:0", RESULT, 29.96);
    List<String> wide = StatusLine.lines(fields, 2000, SEVEN_PX);
    assertEquals(List.of(String.join(StatusLine.SEPARATOR, fields)), wide);

    List<String> narrow = StatusLine.lines(fields, 400, SEVEN_PX);
    assertTrue(narrow.size() > 1, narrow.toString());
    for (String line : narrow) {
      assertTrue(SEVEN_PX.applyAsInt(line) <= 400, line);
    }
    // every field is on one line, whole, in order
    assertEquals(String.join(StatusLine.SEPARATOR, fields), String.join(StatusLine.SEPARATOR, narrow));
  }

  @Test
  void aFieldWiderThanTheLineLosesItsMiddleNotItsEnds() {
    String path = "source /home/student/videos/some/deep/folder/structure/interview-2026.mp4";
    List<String> lines = StatusLine.lines(List.of(path, "12.0 fps"), 280, SEVEN_PX);
    assertEquals(2, lines.size(), lines.toString());
    String elided = lines.get(0);
    assertTrue(SEVEN_PX.applyAsInt(elided) <= 280, elided);
    assertTrue(elided.contains(StatusLine.ELLIPSIS), elided);
    assertTrue(elided.startsWith("source /home/"), elided);
    assertTrue(elided.endsWith("interview-2026.mp4"), elided);
    assertEquals("12.0 fps", lines.get(1));
  }

  @Test
  void aShortClipFillsTheAxisAndALongSourceScrollsSixtySeconds() {
    TimeScale clip = TimeScale.of(0, 9_000);
    assertEquals(0, clip.x(0, 10, 900) - 10);
    assertEquals(910, clip.x(9_000, 10, 900));
    assertEquals(460, clip.x(4_500, 10, 900));

    TimeScale longRun = TimeScale.of(20_000, 100_000);
    assertEquals(40_000, longRun.fromMs());
    assertEquals(100_000, longRun.toMs());

    // the first frame alone does not stretch over the whole width
    TimeScale first = TimeScale.of(5_000, 5_000);
    assertEquals(TimeScale.MIN_SPAN_MS, first.toMs() - first.fromMs());
  }

  @Test
  void ticksFallOnRoundSecondsAtLeastTheGapApart() {
    assertEquals(
        List.of(0.0, 1000.0, 2000.0, 3000.0, 4000.0, 5000.0, 6000.0, 7000.0, 8000.0, 9000.0),
        TimeScale.of(0, 9_000).ticks(900, 70));
    List<Double> sixty = TimeScale.of(40_300, 100_300).ticks(1200, 70);
    assertEquals(45_000.0, sixty.get(0));
    assertEquals(5_000.0, sixty.get(1) - sixty.get(0));
    assertEquals(100_000.0, sixty.get(sixty.size() - 1));
    assertEquals("45 s", TimeScale.label(45_000));
    assertEquals("0.5 s", TimeScale.label(500));
  }
}

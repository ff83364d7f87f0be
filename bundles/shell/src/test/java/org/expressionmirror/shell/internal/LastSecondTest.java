package org.expressionmirror.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.expressionmirror.api.Comparison;
import org.expressionmirror.api.FrameResult;
import org.expressionmirror.api.RunSummary;
import org.expressionmirror.api.StageTimes;
import org.junit.jupiter.api.Test;

class LastSecondTest {
  private static final long MS = 1_000_000L;

  private static FrameResult frame(long index, double detectMs) {
    return new FrameResult(
        index, index * 40.0, "haar@4.9.0", "faceapi-expression@1.7.15", "ema@1.0.0", List.of(),
        new StageTimes(1.0, detectMs, 3.0, 0.5));
  }

  @Test
  void countsOnlyTheFramesOfTheLastSecondWithTheirMedianAndLargestTimes() {
    LastSecond last = new LastSecond();
    last.record(0, frame(0, 900)); // older than a second at the snapshot: left out
    last.record(500 * MS, frame(1, 10));
    last.record(700 * MS, frame(2, 30));
    last.record(900 * MS, frame(3, 20));
    LastSecond.Snapshot s = last.snapshot(1_200 * MS);
    assertEquals(3, s.frames());
    assertEquals(20.0, s.medianMs().get("detect"));
    assertEquals(30.0, s.maxMs().get("detect"));
    assertEquals(1.0, s.medianMs().get("decode"));
    assertEquals(List.of("decode", "detect", "classify", "smooth"), List.copyOf(s.medianMs().keySet()));
    assertEquals(3, s.newest().frame());
    assertEquals("haar@4.9.0", s.newest().detector());
    assertEquals("", s.newest().compare());
  }

  @Test
  void nothingInTheLastSecondStillNamesTheNewestFrame() {
    LastSecond last = new LastSecond();
    assertNull(last.snapshot(0).newest());
    last.record(0, frame(7, 10).withCompare(new Comparison("blazeface@1.2.0", "minixception-fer2013@3.3.6", List.of())));
    LastSecond.Snapshot s = last.snapshot(5_000 * MS);
    assertEquals(0, s.frames());
    assertEquals(0.0, s.medianMs().get("detect"));
    assertEquals(7, s.newest().frame());
    assertEquals("blazeface@1.2.0 / minixception-fer2013@3.3.6", s.newest().compare());
  }

  @Test
  void aRunThatEndsIsToldUntilTheNextFrame() {
    LastSecond last = new LastSecond();
    last.record(0, frame(0, 10));
    assertFalse(last.runEnded());
    last.onEnd(new RunSummary("clip.avi", 1, 0, 0, 40, Map.of(), ""));
    assertTrue(last.runEnded());
    assertEquals("read to its end: 1 frames", last.snapshot(0).ended());
    last.onEnd(new RunSummary("clip.avi", 1, 0, 0, 40, Map.of(), "cannot decode"));
    assertTrue(last.snapshot(0).ended().contains("cannot decode"));
    last.record(MS, frame(0, 10));
    assertFalse(last.runEnded());
  }
}

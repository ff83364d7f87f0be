package org.expressionmirror.pipeline.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.expressionmirror.api.RunSummary;
import org.junit.jupiter.api.Test;

class SummaryTextTest {
  private static String firstLine(long unreadable) {
    RunSummary s = new RunSummary("photos", 4, 5, 0, 2000, Map.of(), "", unreadable);
    return SummaryText.of(s).lines().findFirst().orElseThrow();
  }

  @Test
  void unreadableImagesAreCountedInTheSummaryLine() {
    assertEquals(
        "summary: photos: 4 frames, 5 faces, 0 skipped, 2.00 s, 2.0 frames/s, 2 unreadable images skipped",
        firstLine(2));
    assertEquals(
        "summary: photos: 4 frames, 5 faces, 0 skipped, 2.00 s, 2.0 frames/s, 1 unreadable image skipped",
        firstLine(1));
  }

  @Test
  void withoutUnreadableImagesTheLineIsAsBefore() {
    assertEquals("summary: photos: 4 frames, 5 faces, 0 skipped, 2.00 s, 2.0 frames/s", firstLine(0));
  }
}

package org.expressionmirror.pipeline.internal;

import java.util.Locale;
import java.util.Map;
import org.expressionmirror.api.RunSummary;
import org.expressionmirror.api.StageStats;

/** The end-of-run summary as a person reads it on the console. */
final class SummaryText {
  private SummaryText() {}

  /** Said only when there were some, so the usual line stays as it was. */
  private static String unreadable(long n) {
    return n == 0 ? "" : ", " + n + " unreadable image" + (n == 1 ? "" : "s") + " skipped";
  }

  static String of(RunSummary s) {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "summary: %s: %d frames, %d faces, %d skipped, %.2f s, %.1f frames/s%s%n",
            s.source(),
            s.frames(),
            s.faces(),
            s.skipped(),
            s.wallMs() / 1000,
            s.fps(),
            unreadable(s.unreadable())));
    b.append(String.format(Locale.ROOT, "  %-9s %10s %10s%n", "stage", "median ms", "p95 ms"));
    for (Map.Entry<String, StageStats> e : s.stages().entrySet()) {
      b.append(
          String.format(
              Locale.ROOT,
              "  %-9s %10.3f %10.3f%n",
              e.getKey(),
              e.getValue().medianMs(),
              e.getValue().p95Ms()));
    }
    return b.toString();
  }
}

package org.expressionmirror.pipeline.internal;

import java.util.Locale;
import java.util.Map;
import org.expressionmirror.api.RunSummary;
import org.expressionmirror.api.StageStats;

/** The end-of-run summary as a person reads it on the console. */
final class SummaryText {
  private SummaryText() {}

  static String of(RunSummary s) {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "summary: %s: %d frames, %d faces, %d skipped, %.2f s, %.1f frames/s%n",
            s.source(),
            s.frames(),
            s.faces(),
            s.skipped(),
            s.wallMs() / 1000,
            s.fps()));
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

package org.expressionmirror.display.swt.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The timeline's time axis: the span of source time shown, from the oldest point kept to the
 * newest, so a 9 s clip fills the width; longer sources scroll once the span reaches {@link
 * Timeline#SPAN_MS}. Ticks fall on round seconds of source time.
 *
 * @param fromMs source time at the left edge
 * @param toMs source time at the right edge (the newest point)
 */
record TimeScale(double fromMs, double toMs) {
  /** Shortest span shown: the first frames do not stretch across the whole width. */
  static final double MIN_SPAN_MS = 1_000;

  private static final double[] STEPS_S = {0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60};

  /** The scale for points from {@code oldestMs} to {@code newestMs}. */
  static TimeScale of(double oldestMs, double newestMs) {
    double from = Math.max(oldestMs, newestMs - Timeline.SPAN_MS);
    return new TimeScale(from, Math.max(newestMs, from + MIN_SPAN_MS));
  }

  /** The x of source time {@code timeMs} in a plot from {@code left} that is {@code width} wide. */
  int x(double timeMs, int left, int width) {
    return left + (int) Math.round((timeMs - fromMs) / (toMs - fromMs) * width);
  }

  /** Tick times in milliseconds: the finest round step that leaves at least {@code minGapPx}. */
  List<Double> ticks(int width, int minGapPx) {
    double spanS = (toMs - fromMs) / 1000;
    double step = STEPS_S[STEPS_S.length - 1];
    for (double s : STEPS_S) {
      if (s / spanS * width >= minGapPx) {
        step = s;
        break;
      }
    }
    List<Double> ticks = new ArrayList<>();
    double stepMs = step * 1000;
    for (long k = (long) Math.ceil(fromMs / stepMs - 1e-9); k * stepMs <= toMs + 1e-6; k++) {
      ticks.add(k * stepMs);
    }
    return ticks;
  }

  /** A tick's label: whole seconds, or tenths where the step is finer than a second. */
  static String label(double timeMs) {
    double s = timeMs / 1000;
    return Math.abs(s - Math.rint(s)) < 1e-6
        ? String.format(Locale.ROOT, "%d s", Math.round(s))
        : String.format(Locale.ROOT, "%.1f s", s);
  }
}

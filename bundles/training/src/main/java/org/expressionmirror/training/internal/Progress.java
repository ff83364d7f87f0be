package org.expressionmirror.training.internal;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A progress bar with an estimate of the time left, on one terminal line (rewritten with a
 * carriage return, at most four times a second) on standard error, so a report on standard output
 * stays clean.
 */
final class Progress {
  private static final long EVERY_NANOS = 250_000_000L;
  private static final int WIDTH = 30;

  private final PrintStream out;
  private final String what;
  private final String unit;
  private final int total;
  private final long start = System.nanoTime();
  private long shown;
  private int done;

  /**
   * @param what what is counted, e.g. {@code features}
   * @param unit one item, e.g. {@code image}
   */
  Progress(PrintStream out, String what, String unit, int total) {
    this.out = out;
    this.what = what;
    this.unit = unit;
    this.total = total;
  }

  /** A progress that shows nothing (the window trains without a terminal). */
  static Progress silent() {
    return new Progress(new PrintStream(java.io.OutputStream.nullOutputStream()), "", "", 0);
  }

  /** One more item done. */
  void step() {
    done++;
    long now = System.nanoTime();
    if (now - shown >= EVERY_NANOS || done == total) {
      shown = now;
      out.print("\r" + line(done, total, (now - start) / 1e9));
      out.flush();
    }
  }

  /** Ends the line. */
  void finish() {
    out.println();
    out.flush();
  }

  /** {@code features [#####.....] 120/3589  4.1 ms/image  ETA 0:14}. */
  String line(int done, int total, double seconds) {
    int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
    String bar = "#".repeat(filled) + ".".repeat(WIDTH - filled);
    double per = done == 0 ? 0 : seconds / done;
    long left = Math.round(per * (total - done));
    return String.format(
        Locale.ROOT, "%s [%s] %d/%d  %.1f ms/%s  ETA %d:%02d ", what, bar, done, total, per * 1000, unit, left / 60, left % 60);
  }
}

package org.expressionmirror.launcher;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * The start-up breakdown ({@code -Dmirror.timing=true}): one {@code timing:} line on stderr per
 * phase, stamped with the seconds since the process was launched (./mirror execs the JVM, so that
 * is when the script started). The bundles print their own phases (natives, models, first frame)
 * in the same form; bundles/launcher/src/bench/bench.py collects them.
 */
final class StartupTiming {
  /** The framework property that switches the breakdown on. */
  static final String PROPERTY = "mirror.timing";
  /** The framework property telling the bundles when the program was launched (epoch ms). */
  static final String LAUNCH_PROPERTY = "mirror.launch.ms";
  /**
   * System property from ./mirror: the launch time as bash's {@code $EPOCHREALTIME} (seconds with
   * a fraction), taken before the JVM starts, so the JVM's own start-up is counted too.
   */
  static final String LAUNCH = "mirror.launch";

  private final PrintStream out;
  private final boolean on;
  private final Instant launch;
  private long phaseStart = System.nanoTime();

  StartupTiming(Map<String, String> properties, PrintStream out) {
    this.on = Boolean.parseBoolean(properties.get(PROPERTY));
    this.out = out;
    this.launch = launch(System.getProperty(LAUNCH, ""));
  }

  /** The launch as ./mirror took it; else when the JVM started (the bash script's time lost). */
  static Instant launch(String epochRealTime) {
    try {
      double seconds = Double.parseDouble(epochRealTime.trim().replace(',', '.'));
      return Instant.ofEpochMilli(Math.round(seconds * 1000));
    } catch (NumberFormatException e) {
      return Instant.ofEpochMilli(java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime());
    }
  }

  /** Epoch milliseconds of the launch, for the bundles' own timing lines. */
  long launchMillis() {
    return launch.toEpochMilli();
  }

  /** Notes the end of a phase that began at the previous note (or at construction). */
  void phase(String what) {
    long now = System.nanoTime();
    if (on) {
      out.println(line(what, (now - phaseStart) / 1e6));
    }
    phaseStart = now;
  }

  /** Notes how long one step took, without ending the phase. */
  void step(String what, long startNanos) {
    if (on) {
      out.println(line(what, (System.nanoTime() - startNanos) / 1e6));
    }
  }

  private String line(String what, double ms) {
    double since = Duration.between(launch, Instant.now()).toNanos() / 1e9;
    return String.format(Locale.ROOT, "timing: %6.3f s  launcher: %s %.0f ms", since, what, ms);
  }
}

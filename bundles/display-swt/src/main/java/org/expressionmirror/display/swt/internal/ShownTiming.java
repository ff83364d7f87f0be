package org.expressionmirror.display.swt.internal;

import java.util.Locale;
import org.expressionmirror.api.Frame;
import org.osgi.framework.BundleContext;

/**
 * The window's timing lines, only with {@code -Dmirror.timing=true} (off by default): when the
 * first frame was shown, in the start-up breakdown's form (seconds since launch; the pipeline
 * prints when it processed that frame), and for every frame painted one {@code latency: shown
 * INDEX NANOS} line, which bundles/launcher/src/bench/bench.py --window matches with the source's
 * {@code latency: read} lines to measure how old a frame is when the window shows it. UI thread,
 * but {@link #offered}.
 */
final class ShownTiming {
  static final ShownTiming OFF = new ShownTiming(false, 0);
  private static final String PROPERTY = "mirror.timing";
  private static final String LAUNCH_PROPERTY = "mirror.launch.ms";

  private final boolean on;
  private final long launchMs;
  private boolean first = true;
  private Frame last;

  private ShownTiming(boolean on, long launchMs) {
    this.on = on;
    this.launchMs = launchMs;
  }

  static ShownTiming of(BundleContext context) {
    if (!Boolean.parseBoolean(context.getProperty(PROPERTY))) {
      return OFF;
    }
    String launch = context.getProperty(LAUNCH_PROPERTY);
    return new ShownTiming(true, launch != null && launch.matches("\\d{1,18}") ? Long.parseLong(launch) : System.currentTimeMillis());
  }

  /**
   * The pipeline handed the frame with its numbers to the window (any thread): the part of the
   * latency before the window, {@code latency: offered INDEX NANOS}.
   */
  void offered(Frame frame) {
    if (on) {
      System.err.println("latency: offered " + frame.index() + " " + System.nanoTime());
    }
  }

  /** The frame's pixels were just painted; a frame painted again (a partial repaint) is not news. */
  void painted(Frame frame) {
    if (!on || frame == last) {
      return;
    }
    long now = System.nanoTime();
    if (first) {
      first = false;
      System.err.printf(
          Locale.ROOT, "timing: %6.3f s  window: first frame shown%n",
          (System.currentTimeMillis() - launchMs) / 1000.0);
    }
    last = frame;
    System.err.println("latency: shown " + frame.index() + " " + now);
  }
}

package org.expressionmirror.display.swt.internal;

import java.util.Locale;
import org.expressionmirror.api.FrameResult;
import org.expressionmirror.api.StageTimes;

/** The one-line summary at the top of the window: who made the numbers and how fast. */
final class StatusLine {
  private StatusLine() {}

  static String format(String source, FrameResult result, double fps) {
    if (result == null) {
      return "source " + source + "  |  waiting for frames";
    }
    StageTimes t = result.times();
    return String.format(
        Locale.ROOT,
        "source %s  |  detector %s  |  model %s  |  smoother %s  |  %.1f fps  |"
            + "  decode %.1f  detect %.1f  classify %.1f  smooth %.1f ms",
        source,
        result.detector(),
        result.model(),
        result.smoother(),
        fps,
        t.decodeMs(),
        t.detectMs(),
        t.classifyMs(),
        t.smoothMs());
  }
}

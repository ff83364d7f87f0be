package org.expressionmirror.display.swt.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;
import org.expressionmirror.api.FrameResult;
import org.expressionmirror.api.StageTimes;

/**
 * The summary at the top of the window: who made the numbers and how fast. Its fields are laid
 * out in as many lines as the window's width needs, never cut off at the right edge.
 */
final class StatusLine {
  static final String SEPARATOR = "  |  ";
  static final String ELLIPSIS = "…";

  private StatusLine() {}

  static String format(String source, FrameResult result, double fps) {
    return String.join(SEPARATOR, fields(source, result, fps));
  }

  /** The fields in reading order; each is kept whole on one line when it fits. */
  static List<String> fields(String source, FrameResult result, double fps) {
    if (result == null) {
      return List.of("source " + source, "waiting for frames");
    }
    StageTimes t = result.times();
    List<String> fields = new ArrayList<>();
    fields.add("source " + source);
    fields.add((result.compare() == null ? "" : "A ") + "detector " + result.detector());
    fields.add("model " + result.model());
    if (result.compare() != null) {
      fields.add("B detector " + result.compare().detector());
      fields.add("model " + result.compare().model());
    }
    fields.add("smoother " + result.smoother());
    fields.add(String.format(Locale.ROOT, "%.1f fps", fps));
    fields.add(
        String.format(
            Locale.ROOT,
            "decode %.1f  detect %.1f  classify %.1f  smooth %.1f ms",
            t.decodeMs(),
            t.detectMs(),
            t.classifyMs(),
            t.smoothMs()));
    return fields;
  }

  /**
   * Fills lines of at most {@code width} (as {@code measure} counts it) with whole fields; a field
   * wider than a line on its own (a long file path) loses its middle to an ellipsis, so both the
   * start and the file name stay readable.
   */
  static List<String> lines(List<String> fields, int width, ToIntFunction<String> measure) {
    List<String> lines = new ArrayList<>();
    String line = "";
    for (String field : fields) {
      String f = measure.applyAsInt(field) > width ? elide(field, width, measure) : field;
      String longer = line.isEmpty() ? f : line + SEPARATOR + f;
      if (line.isEmpty() || measure.applyAsInt(longer) <= width) {
        line = longer;
      } else {
        lines.add(line);
        line = f;
      }
    }
    if (!line.isEmpty()) {
      lines.add(line);
    }
    return lines;
  }

  /** The longest start…end of {@code text} that fits; at least the ellipsis. */
  static String elide(String text, int width, ToIntFunction<String> measure) {
    int keep = text.length() - 1;
    while (keep > 0) {
      int head = keep / 2;
      String s = text.substring(0, head) + ELLIPSIS + text.substring(text.length() - (keep - head));
      if (measure.applyAsInt(s) <= width) {
        return s;
      }
      keep--;
    }
    return ELLIPSIS;
  }
}

package org.expressionmirror.display.swt.internal;

import java.util.Locale;
import java.util.Objects;
import org.expressionmirror.api.Comparison;
import org.expressionmirror.api.FrameResult;

/**
 * How often A and B named the same strongest expression for the same face, counted over every
 * frame since the comparison (its four component ids) last changed. Fed on the pipeline thread,
 * read on the UI thread.
 */
final class Agreement {
  private String key = "";
  private FrameResult last;
  private long agree;
  private long faces;

  /** Counts a frame's paired faces; a frame without a comparison ends the count. */
  synchronized void add(FrameResult result) {
    if (result == last) {
      return; // the same frame shown again (a view's late replay) is not counted twice
    }
    last = result;
    Comparison c = result.compare();
    String now = c == null ? "" : String.join(" ", result.detector(), result.model(), c.detector(), c.model());
    if (!Objects.equals(now, key)) {
      key = now;
      agree = 0;
      faces = 0;
    }
    if (c != null) {
      agree += c.agreeing(result.faces());
      faces += c.pairs(result.faces()).size();
    }
  }

  /** "A/B agree 75% of 12 faces", or empty when no comparison runs. */
  synchronized String text() {
    if (key.isEmpty()) {
      return "";
    }
    if (faces == 0) {
      return "A/B agree on no face yet (0 faces read by both)";
    }
    return String.format(
        Locale.ROOT, "A/B agree %d%% of %d face%s", Math.round(100.0 * agree / faces), faces, faces == 1 ? "" : "s");
  }
}

package org.expressionmirror.evaluation.internal;

import java.util.List;
import java.util.Locale;

/** The report as the text table the {@code eval} command prints. */
final class ReportTable {
  private static final int LABEL_WIDTH = 10;
  private static final int SHOWN_NO_FACE = 10;

  private ReportTable() {}

  static String of(Report r) {
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "evaluation of %s on %s%n", r.model(), r.dataset()));
    s.append(String.format(Locale.ROOT, "detector %s, %d images, %d faces%n", r.detector(), r.images(), r.faces()));
    s.append(
        String.format(
            Locale.ROOT, "accuracy %.2f %% (%d/%d)%n", 100 * r.accuracy(), r.correct(), r.images()));
    if (r.noFace() > 0 && r.faceAccuracy() != null) {
      s.append(
          String.format(
              Locale.ROOT, "accuracy on the faces found %.2f %% (%d/%d)%n", 100 * r.faceAccuracy(), r.correct(), r.faces()));
    }
    if (r.unreadable() > 0) {
      s.append(
          String.format(
              Locale.ROOT,
              "%d unreadable image%s skipped (not scored): %s%n",
              r.unreadable(),
              r.unreadable() == 1 ? "" : "s",
              shown(r.unreadableImages())));
    }
    s.append(System.lineSeparator());
    s.append(String.format(Locale.ROOT, "%-" + LABEL_WIDTH + "s %9s %9s %9s %8s%n", "label", "precision", "recall", "f1", "support"));
    for (ClassMetrics m : r.perClass()) {
      s.append(
          String.format(
              Locale.ROOT,
              "%-" + LABEL_WIDTH + "s %9s %9s %9s %8d%n",
              m.label(),
              number(m.precision()),
              number(m.recall()),
              number(m.f1()),
              m.support()));
    }
    s.append(
        String.format(
            Locale.ROOT,
            "%-" + LABEL_WIDTH + "s %9s %9s %9s %8d%n%n",
            "macro avg",
            number(r.macro().precision()),
            number(r.macro().recall()),
            number(r.macro().f1()),
            r.images()));
    confusion(s, r.confusion());
    for (Report.MissingLabel m : r.missingLabels()) {
      s.append(m.message()).append(System.lineSeparator());
    }
    if (r.noFace() > 0) {
      s.append(
          String.format(
              Locale.ROOT,
              "no face found in %d images (counted as wrong): %s%n",
              r.noFace(),
              shown(r.noFaceImages())));
    }
    return s.toString();
  }

  /** The first few names of a list, then "..." for the rest. */
  private static String shown(List<String> names) {
    List<String> shown = names.subList(0, Math.min(SHOWN_NO_FACE, names.size()));
    return String.join(", ", shown) + (names.size() > shown.size() ? ", ..." : "");
  }

  private static void confusion(StringBuilder s, Report.ConfusionTable c) {
    s.append("confusion (rows: true label, columns: predicted label)").append(System.lineSeparator());
    int width = c.columns().stream().mapToInt(String::length).max().orElse(6) + 1;
    s.append(String.format(Locale.ROOT, "%-" + LABEL_WIDTH + "s", ""));
    for (String col : c.columns()) {
      s.append(String.format(Locale.ROOT, "%" + width + "s", col));
    }
    s.append(System.lineSeparator());
    for (int i = 0; i < c.rows().size(); i++) {
      s.append(String.format(Locale.ROOT, "%-" + LABEL_WIDTH + "s", c.rows().get(i)));
      for (long n : c.counts().get(i)) {
        s.append(String.format(Locale.ROOT, "%" + width + "d", n));
      }
      s.append(System.lineSeparator());
    }
    s.append(System.lineSeparator());
  }

  private static String number(Double v) {
    return v == null ? "-" : String.format(Locale.ROOT, "%.4f", v);
  }
}

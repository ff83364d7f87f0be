package org.expressionmirror.evaluation.internal;

import java.util.List;
import java.util.Locale;

/** The report as the text table the {@code eval} command prints. */
public final class ReportTable {
  private static final int LABEL_WIDTH = 10;
  private static final int SHOWN_NO_FACE = 10;

  private ReportTable() {}

  /** The table of the report, then of the compared model and the comparison, if any. */
  public static String of(Report r) {
    StringBuilder s = new StringBuilder();
    if (r.run() != null) {
      run(s, r.run(), r.detector());
    }
    s.append(one(r));
    if (r.compare() != null) {
      s.append(System.lineSeparator()).append(one(r.compare()));
      s.append(System.lineSeparator()).append(comparison(r.comparison()));
    }
    return s.toString();
  }

  /** The lines about the run itself: when, the detector's settings, speed, what was left out. */
  private static void run(StringBuilder s, Run run, String detector) {
    s.append(String.format(Locale.ROOT, "run started %s%n", run.timestamp()));
    if (!run.detectorSettings().isEmpty()) {
      s.append(String.format(Locale.ROOT, "detector %s settings %s%n", detector, run.detectorSettings()));
    }
    s.append(
        String.format(
            Locale.ROOT, "wall time %.2f s, %.1f images per second%n", run.wallSeconds(), run.imagesPerSecond()));
    for (Skipped k : run.skippedLabels()) {
      s.append(
          String.format(
              Locale.ROOT,
              "skipped %s '%s' (%d image%s): %s%n",
              run.labelRule() == null ? "folder" : "label", // a label file has no folders
              k.folder(),
              k.images(),
              k.images() == 1 ? "" : "s",
              k.reason()));
    }
    if (run.labelRule() != null) {
      s.append(String.format(Locale.ROOT, "labels from FER+ votes by the %s rule%n", run.labelRule()));
    }
    if (run.leftOut() > 0) {
      s.append(
          String.format(
              Locale.ROOT,
              "%d images without a label by that rule left out (not scored): %s%n",
              run.leftOut(),
              shown(run.leftOutImages().stream().map(l -> l.image() + " (" + l.reason() + ")").toList())));
    }
  }

  /** The lines of one model. */
  private static String one(Report r) {
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

  /** Both models' accuracy, their agreement, the discordant images and McNemar's test. */
  static String comparison(Comparison c) {
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "comparison of %s and %s on %d images%n", c.model(), c.compare(), c.images()));
    s.append(String.format(Locale.ROOT, "accuracy %s %.2f %%, %s %.2f %%%n", c.model(), 100 * c.accuracy(), c.compare(), 100 * c.compareAccuracy()));
    s.append(String.format(Locale.ROOT, "agreement %.2f %% (%d/%d same predicted label)%n", 100 * c.agreement(), c.agree(), c.images()));
    s.append(
        String.format(
            Locale.ROOT,
            "both right %d, both wrong %d, only %s right %d (b), only %s right %d (c)%n",
            c.bothRight(),
            c.bothWrong(),
            c.model(),
            c.onlyModelRight(),
            c.compare(),
            c.onlyCompareRight()));
    McNemar m = c.mcnemar();
    s.append(String.format(Locale.ROOT, "McNemar's test (exact binomial, two-sided): b=%d, c=%d, p = %.4g%n", m.b(), m.c(), m.exactP()));
    if (m.chiSquare() != null) {
      s.append(
          String.format(
              Locale.ROOT,
              "  chi-square with continuity correction (|b-c|-1)^2/(b+c) = %.3f, p = %.4g%n",
              m.chiSquare(),
              m.chiSquareP()));
    }
    if (!c.discordant().isEmpty()) {
      s.append(String.format(Locale.ROOT, "images exactly one model got right (image: true label, %s, %s)%n", c.model(), c.compare()));
      for (Comparison.Discordant d : c.discordant()) {
        s.append(
            String.format(
                Locale.ROOT, "  %s: %s, %s, %s%n", d.image(), d.truth(), orNoFace(d.model()), orNoFace(d.compare())));
      }
    }
    return s.toString();
  }

  private static String orNoFace(String label) {
    return label == null ? Confusion.NO_FACE : label;
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

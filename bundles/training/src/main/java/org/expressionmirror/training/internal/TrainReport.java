package org.expressionmirror.training.internal;

import java.util.List;
import java.util.Locale;
import org.expressionmirror.evaluation.internal.Report;

/**
 * The JSON report of a training run: the cross-validation figures per fold with mean and sample
 * standard deviation, the pooled out-of-fold report in eval's format, and the written model;
 * {@code blend}: the weight of the head in its blend with the backbone's own head, how it was chosen
 * and what the cross-validation figures are of (null without a blend).
 */
record TrainReport(
    String model,
    int folds,
    boolean groupedBySubject,
    List<CrossValidation.Fold> perFold,
    double accuracyMean,
    double accuracySd,
    double macroF1Mean,
    double macroF1Sd,
    int finalEpochs,
    double exportMaxDifference,
    String onnx,
    String description,
    String golden,
    java.util.Map<String, Object> blend,
    Report crossValidation) {

  static TrainReport of(
      TrainingRun.Settings s,
      boolean grouped,
      CrossValidation.Result cv,
      SoftmaxTrainer.Result fin,
      ModelExport.Written written,
      Report report,
      java.util.Map<String, Object> blend) {
    return new TrainReport(
        s.name(),
        s.folds(),
        grouped,
        cv.folds(),
        cv.accuracyMean(),
        cv.accuracySd(),
        cv.macroF1Mean(),
        cv.macroF1Sd(),
        fin.epochs(),
        written.maxDifference(),
        written.onnx().toString(),
        written.description().toString(),
        written.golden().toString(),
        blend,
        report);
  }

  /** The per-fold lines and their mean and standard deviation, for the terminal. */
  String foldsText() {
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "%d-fold cross-validation%s:%n", folds, groupedBySubject ? " (grouped by subject)" : ""));
    for (CrossValidation.Fold f : perFold) {
      s.append(
          String.format(
              Locale.ROOT,
              "  fold %d: %d test images, accuracy %.2f %%, macro-F1 %.3f%n",
              f.fold(), f.testImages(), 100 * f.accuracy(), f.macroF1()));
    }
    s.append(
        String.format(
            Locale.ROOT,
            "  mean: accuracy %.2f %% ± %.2f, macro-F1 %.3f ± %.3f (sample sd over folds)%n",
            100 * accuracyMean, 100 * accuracySd, macroF1Mean, macroF1Sd));
    if (blend != null) {
      s.append("  (").append(blend.get("crossValidation")).append(")").append(System.lineSeparator());
    }
    return s.toString();
  }
}

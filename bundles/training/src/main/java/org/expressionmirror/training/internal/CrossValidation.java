package org.expressionmirror.training.internal;

import java.util.ArrayList;
import java.util.List;
import org.expressionmirror.evaluation.internal.ClassMetrics;
import org.expressionmirror.evaluation.internal.Confusion;
import org.expressionmirror.evaluation.internal.Prediction;

/**
 * Stratified (and, with subjects, grouped) K-fold cross-validation of the head: each fold is
 * scored by a head trained on the other folds, with the same trainer and settings as the final
 * head. The pooled out-of-fold predictions fill one confusion matrix, the report eval prints.
 */
final class CrossValidation {
  /** The figures of one fold. */
  record Fold(int fold, int trainImages, int testImages, double accuracy, double macroF1, int epochs) {}

  /**
   * @param folds each fold's figures
   * @param pooled the out-of-fold predictions of every image in one matrix
   * @param predictions each image's out-of-fold prediction
   * @param headAlone with a blend: each fold's accuracy of its head alone (not blended); else empty
   */
  record Result(List<Fold> folds, Confusion pooled, List<Prediction> predictions, List<Double> headAlone) {
    double headAloneMean() {
      return mean(headAlone.stream().mapToDouble(Double::doubleValue).toArray());
    }

    double accuracyMean() {
      return mean(folds.stream().mapToDouble(Fold::accuracy).toArray());
    }

    double accuracySd() {
      return sd(folds.stream().mapToDouble(Fold::accuracy).toArray());
    }

    double macroF1Mean() {
      return mean(folds.stream().mapToDouble(Fold::macroF1).toArray());
    }

    double macroF1Sd() {
      return sd(folds.stream().mapToDouble(Fold::macroF1).toArray());
    }
  }

  private final SoftmaxTrainer trainer;
  private final int k;
  private final long seed;

  CrossValidation(SoftmaxTrainer trainer, int k, long seed) {
    this.trainer = trainer;
    this.k = k;
    this.seed = seed;
  }

  /**
   * @param names each example's image name (for the predictions)
   * @throws IllegalArgumentException when there are fewer groups than folds
   */
  Result run(
      List<String> classes,
      List<String> names,
      List<float[]> x,
      List<double[]> targets,
      int[] labels,
      List<String> groups,
      Progress progress) {
    return run(classes, names, x, null, targets, labels, groups, progress, null);
  }

  /**
   * As above, with each example's mirror image ({@code mirrored}: its features, same order; null
   * for none): it trains in its image's fold, and an image is scored by its probabilities
   * averaged with its mirror image's, as the exported model's mirror pass scores it; with a
   * {@code blend} (else null) each fold's head is scored blended with the backbone's own head at the
   * blend's weight, as the exported model is, and its accuracy alone is kept beside.
   */
  Result run(
      List<String> classes,
      List<String> names,
      List<float[]> x,
      List<float[]> mirrored,
      List<double[]> targets,
      int[] labels,
      List<String> groups,
      Progress progress,
      Blend blend) {
    int[] fold = Folds.assign(labels, groups, classes.size(), k, seed);
    Confusion pooled = new Confusion(classes);
    Prediction[] predictions = new Prediction[x.size()];
    List<Fold> folds = new ArrayList<>();
    List<Double> headAlone = new ArrayList<>();
    for (int f = 0; f < k; f++) {
      List<float[]> trainX = new ArrayList<>();
      List<float[]> trainM = mirrored == null ? null : new ArrayList<>();
      List<double[]> trainT = new ArrayList<>();
      List<Integer> trainL = new ArrayList<>();
      List<Integer> test = new ArrayList<>();
      for (int i = 0; i < x.size(); i++) {
        if (fold[i] == f) {
          test.add(i);
        } else {
          trainX.add(x.get(i));
          if (trainM != null) {
            trainM.add(mirrored.get(i));
          }
          trainT.add(targets.get(i));
          trainL.add(labels[i]);
        }
      }
      SoftmaxTrainer.Result r =
          trainer.train(trainX, trainM, trainT, trainL.stream().mapToInt(Integer::intValue).toArray(), classes.size(), null);
      Confusion confusion = new Confusion(classes);
      int aloneRight = 0;
      for (int i : test) {
        float[] m = mirrored == null ? null : mirrored.get(i);
        double[] p = r.head().probabilities(x.get(i), m);
        aloneRight += argmax(p) == labels[i] ? 1 : 0;
        if (blend != null) {
          p = blend.probabilities(r.head(), x.get(i), m);
        }
        int best = argmax(p);
        String truth = classes.get(labels[i]);
        confusion.add(truth, classes.get(best));
        pooled.add(truth, classes.get(best));
        predictions[i] = new Prediction(names.get(i), truth, classes.get(best), p[best]);
      }
      folds.add(new Fold(f + 1, trainX.size(), test.size(), confusion.accuracy(), macroF1(confusion), r.epochs()));
      if (blend != null) {
        headAlone.add(test.isEmpty() ? 0 : (double) aloneRight / test.size());
      }
      progress.step();
    }
    progress.finish();
    return new Result(folds, pooled, List.of(predictions), headAlone);
  }

  /** Mean F1 over the labels with images in the fold; an undefined F1 counts as 0 (as eval's). */
  static double macroF1(Confusion c) {
    double sum = 0;
    int n = 0;
    for (String label : c.labels()) {
      if (c.support(label) > 0) {
        ClassMetrics m = c.metrics(label);
        sum += m.f1() == null ? 0 : m.f1();
        n++;
      }
    }
    return n == 0 ? 0 : sum / n;
  }

  static int argmax(double[] p) {
    int best = 0;
    for (int i = 1; i < p.length; i++) {
      if (p[i] > p[best]) {
        best = i;
      }
    }
    return best;
  }

  static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return v.length == 0 ? 0 : s / v.length;
  }

  /** Sample standard deviation (n - 1); 0 for fewer than two values. */
  static double sd(double[] v) {
    if (v.length < 2) {
      return 0;
    }
    double m = mean(v);
    double s = 0;
    for (double x : v) {
      s += (x - m) * (x - m);
    }
    return Math.sqrt(s / (v.length - 1));
  }
}

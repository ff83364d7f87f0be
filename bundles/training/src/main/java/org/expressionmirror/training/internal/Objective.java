package org.expressionmirror.training.internal;

/**
 * The training objective of the softmax head over some rows: the weighted cross-entropy between
 * each row's target distribution (soft labels: FER+ vote shares; hard labels: one-hot) and the
 * head's softmax, divided by the rows' total weight, plus {@code l2 / 2 * |W|^2} (biases are not
 * penalised). Its gradient is exact: {@code dL/dlogit = w (p - t) / sum w}.
 */
final class Objective {
  private final double[][] z;
  private final double[][] targets;
  private final double[] weights;
  private final int classes;
  private final double l2;

  /**
   * @param z standardised features, one row per example
   * @param targets target distributions (each sums to 1)
   * @param weights per-example weights (class weights for imbalanced labels)
   */
  Objective(double[][] z, double[][] targets, double[] weights, int classes, double l2) {
    this.z = z;
    this.targets = targets;
    this.weights = weights;
    this.classes = classes;
    this.l2 = l2;
  }

  /** The loss over all rows; {@code grad} (same length as theta) receives the gradient, or null. */
  double value(double[] theta, double[] grad) {
    int[] all = new int[z.length];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    return value(theta, grad, all, 0, all.length);
  }

  /** The loss over {@code rows[from..to)}, with the gradient into {@code grad} unless null. */
  double value(double[] theta, double[] grad, int[] rows, int from, int to) {
    int dims = z[0].length;
    if (grad != null) {
      java.util.Arrays.fill(grad, 0);
    }
    double total = 0;
    for (int r = from; r < to; r++) {
      total += weights[rows[r]];
    }
    if (total <= 0) {
      total = 1;
    }
    double loss = 0;
    double[] p = new double[classes];
    for (int r = from; r < to; r++) {
      int i = rows[r];
      logits(theta, z[i], classes, p);
      softmaxInPlace(p);
      double w = weights[i] / total;
      double[] t = targets[i];
      for (int k = 0; k < classes; k++) {
        if (t[k] > 0) {
          loss -= w * t[k] * Math.log(Math.max(p[k], 1e-300));
        }
      }
      if (grad != null) {
        double[] x = z[i];
        for (int k = 0; k < classes; k++) {
          double g = w * (p[k] - t[k]);
          if (g == 0) {
            continue;
          }
          for (int j = 0; j < dims; j++) {
            grad[j * classes + k] += g * x[j];
          }
          grad[dims * classes + k] += g;
        }
      }
    }
    double reg = 0;
    for (int j = 0; j < dims * classes; j++) {
      reg += theta[j] * theta[j];
      if (grad != null) {
        grad[j] += l2 * theta[j];
      }
    }
    return loss + 0.5 * l2 * reg;
  }

  /** {@code out[k] = b[k] + sum_j x[j] W[j][k]}. */
  static void logits(double[] theta, double[] x, int classes, double[] out) {
    int dims = x.length;
    for (int k = 0; k < classes; k++) {
      out[k] = theta[dims * classes + k];
    }
    for (int j = 0; j < dims; j++) {
      double v = x[j];
      int row = j * classes;
      for (int k = 0; k < classes; k++) {
        out[k] += v * theta[row + k];
      }
    }
  }

  /** Logits to probabilities, stable (max subtracted); returns the log of the sum of exponentials. */
  static double softmaxInPlace(double[] v) {
    double max = Double.NEGATIVE_INFINITY;
    for (double x : v) {
      max = Math.max(max, x);
    }
    double sum = 0;
    for (int k = 0; k < v.length; k++) {
      v[k] = Math.exp(v[k] - max);
      sum += v[k];
    }
    for (int k = 0; k < v.length; k++) {
      v[k] /= sum;
    }
    return max + Math.log(sum);
  }
}

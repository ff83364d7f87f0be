package org.expressionmirror.training.internal;

/**
 * A linear softmax head on standardised backbone features: {@code p = softmax(W^T (x - mean) /
 * scale + b)}. The standardisation is part of the head while it is trained (it makes one
 * learning rate fit every feature) and is folded into the weights on export, so the exported graph
 * is the backbone's own {@code fc} with other numbers in it.
 */
final class SoftmaxHead {
  private final int dims;
  private final int classes;
  private final double[] mean;
  private final double[] scale;
  private final double[] theta;

  /**
   * @param theta weights {@code W[j][k]} at {@code j * classes + k}, then the {@code classes} biases
   */
  SoftmaxHead(int classes, double[] mean, double[] scale, double[] theta) {
    this.dims = mean.length;
    this.classes = classes;
    if (scale.length != dims || theta.length != dims * classes + classes) {
      throw new IllegalArgumentException("head of " + dims + " features and " + classes + " classes, got " + theta.length + " parameters");
    }
    this.mean = mean.clone();
    this.scale = scale.clone();
    this.theta = theta.clone();
  }

  int dims() {
    return dims;
  }

  int classes() {
    return classes;
  }

  /** The probabilities of each class for one raw feature vector. */
  double[] probabilities(float[] x) {
    double[] z = new double[dims];
    for (int j = 0; j < dims; j++) {
      z[j] = (x[j] - mean[j]) / scale[j];
    }
    double[] p = new double[classes];
    Objective.logits(theta, z, classes, p);
    Objective.softmaxInPlace(p);
    return p;
  }

  /**
   * The probabilities averaged over a face and its mirror image (what a model with the mirror
   * pass gives); {@code mirror} null: the face's alone.
   */
  double[] probabilities(float[] x, float[] mirror) {
    double[] p = probabilities(x);
    if (mirror != null) {
      double[] q = probabilities(mirror);
      for (int k = 0; k < classes; k++) {
        p[k] = (p[k] + q[k]) / 2;
      }
    }
    return p;
  }

  /** The most probable class. */
  int predict(float[] x) {
    double[] p = probabilities(x);
    int best = 0;
    for (int k = 1; k < classes; k++) {
      if (p[k] > p[best]) {
        best = k;
      }
    }
    return best;
  }

  /** Weights on raw features, {@code [dims][classes]} row-major: {@code W[j][k] / scale[j]}. */
  float[] foldedWeights() {
    float[] w = new float[dims * classes];
    for (int j = 0; j < dims; j++) {
      for (int k = 0; k < classes; k++) {
        w[j * classes + k] = (float) (theta[j * classes + k] / scale[j]);
      }
    }
    return w;
  }

  /** Biases on raw features: {@code b[k] - sum_j mean[j] W[j][k] / scale[j]}. */
  float[] foldedBias() {
    float[] b = new float[classes];
    for (int k = 0; k < classes; k++) {
      double v = theta[dims * classes + k];
      for (int j = 0; j < dims; j++) {
        v -= mean[j] * theta[j * classes + k] / scale[j];
      }
      b[k] = (float) v;
    }
    return b;
  }
}

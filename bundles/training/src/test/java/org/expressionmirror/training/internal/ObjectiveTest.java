package org.expressionmirror.training.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The loss and its gradient, which everything the trainer does rests on. */
class ObjectiveTest {
  private static final int N = 12;
  private static final int DIMS = 5;
  private static final int CLASSES = 4;

  @Test
  void gradientEqualsFiniteDifferences() {
    Random r = new Random(7);
    Objective o = new Objective(features(r), softTargets(r), weights(r), CLASSES, 0.03);
    double[] theta = new double[DIMS * CLASSES + CLASSES];
    for (int i = 0; i < theta.length; i++) {
      theta[i] = r.nextGaussian() * 0.5;
    }
    double[] grad = new double[theta.length];
    o.value(theta, grad);
    double h = 1e-6;
    for (int i = 0; i < theta.length; i++) {
      double[] plus = theta.clone();
      double[] minus = theta.clone();
      plus[i] += h;
      minus[i] -= h;
      double numeric = (o.value(plus, null) - o.value(minus, null)) / (2 * h);
      assertEquals(numeric, grad[i], 1e-7, "d loss / d theta[" + i + "]");
    }
  }

  @Test
  void gradientOfAMinibatchEqualsFiniteDifferencesOverThoseRowsOnly() {
    Random r = new Random(11);
    Objective o = new Objective(features(r), softTargets(r), weights(r), CLASSES, 0.0);
    double[] theta = new double[DIMS * CLASSES + CLASSES];
    for (int i = 0; i < theta.length; i++) {
      theta[i] = r.nextGaussian();
    }
    int[] rows = {3, 7, 1, 9};
    double[] grad = new double[theta.length];
    o.value(theta, grad, rows, 1, 3);
    double h = 1e-6;
    for (int i = 0; i < theta.length; i++) {
      double[] plus = theta.clone();
      double[] minus = theta.clone();
      plus[i] += h;
      minus[i] -= h;
      double numeric = (o.value(plus, null, rows, 1, 3) - o.value(minus, null, rows, 1, 3)) / (2 * h);
      assertEquals(numeric, grad[i], 1e-7);
    }
  }

  @Test
  void softLabelLossIsTheCrossEntropyWithTheVoteShares() {
    // one example, no features: the logits are the biases
    double[][] z = {{0.0}};
    double[][] t = {{0.7, 0.2, 0.1}};
    Objective o = new Objective(z, t, new double[] {1}, 3, 0);
    double[] theta = {0, 0, 0, Math.log(2), 0, 0}; // W = 0, b = (ln 2, 0, 0): p = (1/2, 1/4, 1/4)
    double expected = -(0.7 * Math.log(0.5) + 0.2 * Math.log(0.25) + 0.1 * Math.log(0.25));
    assertEquals(expected, o.value(theta, null), 1e-12);
  }

  @Test
  void softLabelLossIsLowestWhereTheHeadSaysTheVoteShares() {
    double[][] z = {{0.0}};
    double[][] t = {{0.6, 0.3, 0.1}};
    Objective o = new Objective(z, t, new double[] {1}, 3, 0);
    double[] atShares = {0, 0, 0, Math.log(0.6), Math.log(0.3), Math.log(0.1)};
    double[] grad = new double[6];
    double lowest = o.value(atShares, grad);
    for (double g : grad) {
      assertEquals(0, g, 1e-12);
    }
    // a hard label's optimum (all on the top label) is worse for a soft target
    double[] confident = {0, 0, 0, 5, 0, 0};
    assertTrue(o.value(confident, null) > lowest + 0.1);
  }

  @Test
  void weightsScaleTheShareOfEachExample() {
    double[][] z = {{0.0}, {0.0}};
    double[][] t = {{1, 0}, {0, 1}};
    double[] theta = {0, 0, 1, 0}; // p = (e/(e+1), 1/(e+1)) for both
    double l0 = new Objective(z, t, new double[] {1, 1}, 2, 0).value(theta, null);
    double l3 = new Objective(z, t, new double[] {1, 3}, 2, 0).value(theta, null);
    double a = -Math.log(Math.E / (Math.E + 1));
    double b = -Math.log(1 / (Math.E + 1));
    assertEquals((a + b) / 2, l0, 1e-12);
    assertEquals((a + 3 * b) / 4, l3, 1e-12);
  }

  private static double[][] features(Random r) {
    double[][] z = new double[N][DIMS];
    for (double[] row : z) {
      for (int j = 0; j < DIMS; j++) {
        row[j] = r.nextGaussian();
      }
    }
    return z;
  }

  private static double[][] softTargets(Random r) {
    double[][] t = new double[N][CLASSES];
    for (double[] row : t) {
      double sum = 0;
      for (int k = 0; k < CLASSES; k++) {
        row[k] = r.nextInt(4) == 0 ? 0 : r.nextDouble();
        sum += row[k];
      }
      if (sum == 0) {
        row[0] = sum = 1;
      }
      for (int k = 0; k < CLASSES; k++) {
        row[k] /= sum;
      }
    }
    return t;
  }

  private static double[] weights(Random r) {
    double[] w = new double[N];
    for (int i = 0; i < N; i++) {
      w[i] = 0.5 + r.nextDouble();
    }
    return w;
  }
}

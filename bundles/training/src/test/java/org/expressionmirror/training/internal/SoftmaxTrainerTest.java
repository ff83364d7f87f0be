package org.expressionmirror.training.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SoftmaxTrainerTest {
  /** Three overlapping Gaussian classes in 20 dimensions, offset and scaled unlike standardised data. */
  private static void blobs(Random r, int perClass, List<float[]> x, List<double[]> t, List<Integer> labels, int[] sizes) {
    for (int c = 0; c < 3; c++) {
      int n = sizes == null ? perClass : sizes[c];
      for (int i = 0; i < n; i++) {
        float[] v = new float[20];
        for (int j = 0; j < v.length; j++) {
          v[j] = (float) (100 + 40 * j + 30 * r.nextGaussian());
        }
        v[c] += 60; // one feature per class is 2 sd higher, another 2 sd lower
        v[3 + c] -= 60;
        x.add(v);
        double[] target = new double[3];
        target[c] = 1;
        t.add(target);
        labels.add(c);
      }
    }
  }

  @Test
  void aMirrorRowGoesWhereItsImageGoes() {
    // images 0..4; rows 5..9 are their mirror images
    assertArrayEquals(new int[] {1, 3, 6, 8}, SoftmaxTrainer.withMirrors(new int[] {1, 3}, 5, 10));
    assertArrayEquals(new int[] {1, 3}, SoftmaxTrainer.withMirrors(new int[] {1, 3}, 5, 5));
  }

  @Test
  void mirrorRowsTrainWithTheSameTargetAsTheirImage() {
    // one feature that tells the classes apart; the mirror rows say the same with noise: the
    // head trained on both still separates them, and a mirror row shaped unlike its image changes
    // the head (so the rows are used)
    Random r = new Random(2);
    List<float[]> x = new ArrayList<>();
    List<float[]> m = new ArrayList<>();
    List<double[]> t = new ArrayList<>();
    int[] labels = new int[200];
    for (int i = 0; i < 200; i++) {
      labels[i] = i % 2;
      x.add(new float[] {labels[i] * 2 - 1 + (float) r.nextGaussian() * 0.3f, (float) r.nextGaussian()});
      m.add(new float[] {labels[i] * 2 - 1 + (float) r.nextGaussian() * 0.3f, 3 + (float) r.nextGaussian()});
      t.add(labels[i] == 0 ? new double[] {1, 0} : new double[] {0, 1});
    }
    SoftmaxTrainer trainer = new SoftmaxTrainer(SoftmaxTrainer.Settings.defaults());
    SoftmaxHead plain = trainer.train(x, null, t, labels, 2, null).head();
    SoftmaxHead both = trainer.train(x, m, t, labels, 2, null).head();
    int right = 0;
    for (int i = 0; i < 200; i++) {
      right += both.predict(x.get(i)) == labels[i] ? 1 : 0;
    }
    assertTrue(right >= 190, right + " of 200");
    assertTrue(Math.abs(plain.probabilities(new float[] {0.1f, 0})[0] - both.probabilities(new float[] {0.1f, 0})[0]) > 1e-6);
  }

  @Test
  void heldOutAccuracyOnGeneratedClassesIsAbove90Percent() {
    Random r = new Random(5);
    List<float[]> x = new ArrayList<>();
    List<double[]> t = new ArrayList<>();
    List<Integer> l = new ArrayList<>();
    blobs(r, 300, x, t, l, null);
    SoftmaxTrainer.Result res =
        new SoftmaxTrainer(SoftmaxTrainer.Settings.defaults()).train(x, t, l.stream().mapToInt(Integer::intValue).toArray(), 3);
    List<float[]> tx = new ArrayList<>();
    List<Integer> tl = new ArrayList<>();
    blobs(new Random(6), 300, tx, new ArrayList<>(), tl, null);
    int right = 0;
    for (int i = 0; i < tx.size(); i++) {
      right += res.head().predict(tx.get(i)) == tl.get(i) ? 1 : 0;
    }
    // class means 4 sd apart: the best possible accuracy is about 95 %
    assertTrue(right > 0.90 * tx.size(), right + " of " + tx.size());
    assertTrue(res.bestEpoch() >= 1 && res.bestEpoch() <= res.epochs());
  }

  @Test
  void aGivenValidationSetStopsTrainingInsteadOfASplit() {
    List<float[]> x = new ArrayList<>();
    List<double[]> t = new ArrayList<>();
    List<Integer> l = new ArrayList<>();
    blobs(new Random(12), 200, x, t, l, null);
    List<float[]> vx = new ArrayList<>();
    List<double[]> vt = new ArrayList<>();
    List<Integer> vl = new ArrayList<>();
    blobs(new Random(13), 50, vx, vt, vl, null);
    SoftmaxTrainer.Result res =
        new SoftmaxTrainer(SoftmaxTrainer.Settings.defaults())
            .train(x, t, l.stream().mapToInt(Integer::intValue).toArray(), 3,
                new SoftmaxTrainer.Validation(vx, vt, vl.stream().mapToInt(Integer::intValue).toArray()));
    // the loss it reports is the given set's (no L2 in it): recompute it from the head
    double loss = 0;
    for (int i = 0; i < vx.size(); i++) {
      loss -= Math.log(res.head().probabilities(vx.get(i))[vl.get(i)]);
    }
    assertEquals(loss / vx.size(), res.validationLoss(), 1e-9);
    List<float[]> tx = new ArrayList<>();
    List<Integer> tl = new ArrayList<>();
    blobs(new Random(14), 300, tx, new ArrayList<>(), tl, null);
    int right = 0;
    for (int i = 0; i < tx.size(); i++) {
      right += res.head().predict(tx.get(i)) == tl.get(i) ? 1 : 0;
    }
    assertTrue(right > 0.90 * tx.size(), right + " of " + tx.size());
  }

  @Test
  void classWeightsKeepARareClassFromBeingIgnored() {
    List<float[]> x = new ArrayList<>();
    List<double[]> t = new ArrayList<>();
    List<Integer> l = new ArrayList<>();
    blobs(new Random(8), 0, x, t, l, new int[] {900, 900, 40});
    int[] labels = l.stream().mapToInt(Integer::intValue).toArray();
    SoftmaxTrainer.Settings d = SoftmaxTrainer.Settings.defaults();
    SoftmaxTrainer.Settings unweighted =
        new SoftmaxTrainer.Settings(d.l2(), d.learningRate(), d.batch(), d.maxEpochs(), d.patience(), d.validationShare(), 0, d.seed());
    SoftmaxTrainer.Settings balanced =
        new SoftmaxTrainer.Settings(d.l2(), d.learningRate(), d.batch(), d.maxEpochs(), d.patience(), d.validationShare(), 1, d.seed());
    List<float[]> tx = new ArrayList<>();
    List<Integer> tl = new ArrayList<>();
    blobs(new Random(9), 300, tx, new ArrayList<>(), tl, null);
    double weightedRecall = recall(new SoftmaxTrainer(balanced).train(x, t, labels, 3).head(), tx, tl, 2);
    double defaultRecall = recall(new SoftmaxTrainer(d).train(x, t, labels, 3).head(), tx, tl, 2);
    double plainRecall = recall(new SoftmaxTrainer(unweighted).train(x, t, labels, 3).head(), tx, tl, 2);
    assertTrue(weightedRecall > plainRecall + 0.1, "rare class recall " + weightedRecall + " weighted, " + plainRecall + " not");
    // the default, square-root weights, lies between
    assertTrue(defaultRecall > plainRecall && defaultRecall <= weightedRecall + 1e-9, "default " + defaultRecall);
  }

  @Test
  void foldedWeightsGiveTheSameLogitsOnRawFeatures() {
    Random r = new Random(3);
    double[] mean = {10, -4, 0.5};
    double[] scale = {2, 0.25, 7};
    double[] theta = new double[3 * 4 + 4];
    for (int i = 0; i < theta.length; i++) {
      theta[i] = r.nextGaussian();
    }
    SoftmaxHead head = new SoftmaxHead(4, mean, scale, theta);
    float[] x = {11.5f, -3.9f, -6f};
    float[] w = head.foldedWeights();
    float[] b = head.foldedBias();
    double[] logits = new double[4];
    for (int k = 0; k < 4; k++) {
      logits[k] = b[k];
      for (int j = 0; j < 3; j++) {
        logits[k] += x[j] * w[j * 4 + k];
      }
    }
    Objective.softmaxInPlace(logits);
    assertArrayEquals(head.probabilities(x), logits, 1e-6);
  }

  @Test
  void validationSplitHoldsOutATenthOfEachClass() {
    int[] labels = new int[130];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = i < 100 ? 0 : 1;
    }
    int[][] split = new SoftmaxTrainer(SoftmaxTrainer.Settings.defaults()).split(labels, 2, new Random(1));
    assertEquals(117, split[0].length);
    assertEquals(13, split[1].length);
    long ones = java.util.Arrays.stream(split[1]).filter(i -> labels[i] == 1).count();
    assertEquals(3, ones);
  }

  private static double recall(SoftmaxHead head, List<float[]> x, List<Integer> labels, int c) {
    int n = 0;
    int right = 0;
    for (int i = 0; i < x.size(); i++) {
      if (labels.get(i) == c) {
        n++;
        right += head.predict(x.get(i)) == c ? 1 : 0;
      }
    }
    return (double) right / n;
  }
}

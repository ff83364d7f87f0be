package org.expressionmirror.training.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Stratified K-fold assignment, grouped: all images of one group (a subject, or the image itself
 * when no one says who is who) go into the same fold, so a person seen in training is never
 * scored. Groups are placed largest first (ties in a seeded random order), each into the fold
 * that so far holds the smallest share of the group's labels, then the fewest images: with one
 * image per group every fold gets each label's count to within one.
 */
final class Folds {
  private Folds() {}

  /**
   * The fold (0..k-1) of each example.
   *
   * @param labels hard label of each example, 0..classes-1
   * @param groups group of each example
   * @throws IllegalArgumentException when there are fewer groups than folds
   */
  static int[] assign(int[] labels, List<String> groups, int classes, int k, long seed) {
    Map<String, List<Integer>> members = new LinkedHashMap<>();
    for (int i = 0; i < labels.length; i++) {
      members.computeIfAbsent(groups.get(i), g -> new ArrayList<>()).add(i);
    }
    if (k < 2) {
      throw new IllegalArgumentException("cross-validation needs at least 2 folds, not " + k);
    }
    if (members.size() < k) {
      throw new IllegalArgumentException(
          k + " folds need at least " + k + " groups (subjects or images), but there are " + members.size());
    }
    List<List<Integer>> order = new ArrayList<>(members.values());
    Collections.shuffle(order, new Random(seed));
    order.sort((a, b) -> Integer.compare(b.size(), a.size()));
    int[] classTotal = new int[classes];
    for (int l : labels) {
      classTotal[l]++;
    }
    double[][] share = new double[k][classes];
    int[] size = new int[k];
    int[] fold = new int[labels.length];
    for (List<Integer> group : order) {
      int[] count = new int[classes];
      for (int i : group) {
        count[labels[i]]++;
      }
      int best = 0;
      double bestCost = Double.POSITIVE_INFINITY;
      for (int f = 0; f < k; f++) {
        double cost = 0;
        for (int c = 0; c < classes; c++) {
          cost += count[c] * share[f][c];
        }
        if (cost < bestCost - 1e-12 || (Math.abs(cost - bestCost) <= 1e-12 && size[f] < size[best])) {
          best = f;
          bestCost = cost;
        }
      }
      for (int c = 0; c < classes; c++) {
        share[best][c] += classTotal[c] == 0 ? 0 : (double) count[c] / classTotal[c];
      }
      size[best] += group.size();
      for (int i : group) {
        fold[i] = best;
      }
    }
    return fold;
  }

  /**
   * Folds for a small set, as one person's own recordings are: each fold's test part should hold
   * every label, so no more folds than the rarest label has examples (and never fewer than 2).
   *
   * @param counts examples per label (labels without any left out)
   * @throws IllegalArgumentException when a label has fewer than 2 examples: it cannot be both
   *     trained on and tested
   */
  static int forSmallSet(int wanted, int[] counts) {
    int rarest = Integer.MAX_VALUE;
    for (int c : counts) {
      if (c > 0) {
        rarest = Math.min(rarest, c);
      }
    }
    if (rarest < 2) {
      throw new IllegalArgumentException("every label needs at least 2 examples for cross-validation");
    }
    return Math.max(2, Math.min(wanted, rarest));
  }
}

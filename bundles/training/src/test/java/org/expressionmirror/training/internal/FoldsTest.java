package org.expressionmirror.training.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FoldsTest {
  @Test
  void withOneImagePerGroupEveryFoldHoldsEachLabelsCountToWithinOne() {
    // imbalanced: 53, 17, 8, 101 and 3 images of five labels
    int[] counts = {53, 17, 8, 101, 3};
    List<Integer> l = new ArrayList<>();
    for (int c = 0; c < counts.length; c++) {
      for (int i = 0; i < counts[c]; i++) {
        l.add(c);
      }
    }
    int[] labels = l.stream().mapToInt(Integer::intValue).toArray();
    List<String> groups = new ArrayList<>();
    for (int i = 0; i < labels.length; i++) {
      groups.add("image" + i);
    }
    int k = 5;
    int[] fold = Folds.assign(labels, groups, counts.length, k, 3);
    int[][] perFold = new int[k][counts.length];
    for (int i = 0; i < labels.length; i++) {
      assertTrue(fold[i] >= 0 && fold[i] < k);
      perFold[fold[i]][labels[i]]++;
    }
    for (int c = 0; c < counts.length; c++) {
      int min = Integer.MAX_VALUE;
      int max = 0;
      for (int f = 0; f < k; f++) {
        min = Math.min(min, perFold[f][c]);
        max = Math.max(max, perFold[f][c]);
      }
      assertTrue(max - min <= 1, "label " + c + ": between " + min + " and " + max + " images per fold");
      assertEquals(counts[c] / k, min);
    }
  }

  @Test
  void aSubjectNeverSpansTwoFoldsAndFoldsStayBalanced() {
    // 20 subjects, each with 3 to 8 images spread over 3 labels
    List<Integer> labels = new ArrayList<>();
    List<String> groups = new ArrayList<>();
    for (int s = 0; s < 20; s++) {
      int n = 3 + s % 6;
      for (int i = 0; i < n; i++) {
        labels.add((s + i) % 3);
        groups.add("subject" + s);
      }
    }
    int k = 4;
    int[] fold = Folds.assign(labels.stream().mapToInt(Integer::intValue).toArray(), groups, 3, k, 1);
    Map<String, Integer> foldOf = new HashMap<>();
    int[] size = new int[k];
    for (int i = 0; i < fold.length; i++) {
      Integer before = foldOf.putIfAbsent(groups.get(i), fold[i]);
      assertTrue(before == null || before == fold[i], groups.get(i) + " is in folds " + before + " and " + fold[i]);
      size[fold[i]]++;
    }
    for (int f = 0; f < k; f++) {
      // 110 images: a fold holds a quarter, give or take a subject
      assertTrue(size[f] >= 27 - 8 && size[f] <= 28 + 8, "fold " + f + " holds " + size[f]);
    }
  }

  @Test
  void sameSeedSameFolds() {
    int[] labels = {0, 1, 0, 1, 0, 1, 0, 1, 2, 2};
    List<String> groups = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j");
    assertEquals(
        java.util.Arrays.toString(Folds.assign(labels, groups, 3, 3, 9)),
        java.util.Arrays.toString(Folds.assign(labels, groups, 3, 3, 9)));
  }

  @Test
  void fewerSubjectsThanFoldsIsRefusedNamingBoth() {
    int[] labels = {0, 1, 0, 1};
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Folds.assign(labels, List.of("ann", "ann", "bob", "bob"), 2, 5, 1));
    assertEquals("5 folds need at least 5 groups (subjects or images), but there are 2", e.getMessage());
  }
}

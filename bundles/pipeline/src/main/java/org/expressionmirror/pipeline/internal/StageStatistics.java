package org.expressionmirror.pipeline.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.expressionmirror.api.StageStats;

/**
 * Milliseconds per stage over a run. Keeps the newest samples in a fixed ring so an all-day camera
 * run does not grow memory; medians of the last {@value #CAPACITY} frames are what a user wants.
 */
final class StageStatistics {
  static final String[] STAGES = {"decode", "detect", "classify", "smooth", "pipeline"};
  private static final int CAPACITY = 100_000;

  private final double[][] samples = new double[STAGES.length][];
  private long count;

  StageStatistics() {
    for (int i = 0; i < STAGES.length; i++) {
      samples[i] = new double[1024];
    }
  }

  /** Adds one frame's milliseconds, in the order of {@link #STAGES}. */
  void add(double... millis) {
    int slot = (int) (count % CAPACITY);
    for (int i = 0; i < STAGES.length; i++) {
      if (slot >= samples[i].length) {
        samples[i] = Arrays.copyOf(samples[i], Math.min(CAPACITY, samples[i].length * 2));
      }
      samples[i][slot] = millis[i];
    }
    count++;
  }

  Map<String, StageStats> summary() {
    Map<String, StageStats> map = new LinkedHashMap<>();
    int n = (int) Math.min(count, CAPACITY);
    for (int i = 0; i < STAGES.length; i++) {
      double[] sorted = Arrays.copyOf(samples[i], n);
      Arrays.sort(sorted);
      map.put(STAGES[i], new StageStats(percentile(sorted, 0.5), percentile(sorted, 0.95)));
    }
    return map;
  }

  /** Nearest-rank percentile; 0 for an empty run. */
  static double percentile(double[] sorted, double q) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }
}

package org.expressionmirror.example.smoothing.median;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntSupplier;
import org.expressionmirror.api.Distribution;
import org.expressionmirror.api.Smoother;

/** The state of one face: its last readings, newest last. One pipeline thread owns it. */
final class MedianTrack implements Smoother.Track {
  private final IntSupplier windowSize;
  private final ArrayDeque<double[]> readings = new ArrayDeque<>();
  private List<String> labels = List.of();
  private double lastTimeMs = Double.NEGATIVE_INFINITY;

  MedianTrack(IntSupplier windowSize) {
    this.windowSize = windowSize;
  }

  @Override
  public Distribution update(double timeMs, Distribution scores) {
    if (!scores.labels().equals(labels) || timeMs < lastTimeMs) {
      // another model's labels, or the source went back: the old readings no longer apply
      readings.clear();
      labels = scores.labels();
    }
    lastTimeMs = timeMs;
    readings.addLast(values(scores));
    while (readings.size() > windowSize.getAsInt()) {
      readings.removeFirst();
    }
    return medians(scores);
  }

  int size() {
    return readings.size();
  }

  private double[] values(Distribution scores) {
    double[] values = new double[labels.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = scores.get(labels.get(i));
    }
    return values;
  }

  /**
   * Each label's median, divided by their sum (medians of probabilities need not sum to 1). When
   * every median is 0 (the readings disagree completely) the newest reading stands.
   */
  private Distribution medians(Distribution newest) {
    double[] medians = new double[labels.size()];
    double sum = 0;
    for (int i = 0; i < medians.length; i++) {
      medians[i] = median(i);
      sum += medians[i];
    }
    if (sum <= 0) {
      return newest;
    }
    for (int i = 0; i < medians.length; i++) {
      medians[i] /= sum;
    }
    return Distribution.of(labels, medians);
  }

  private double median(int label) {
    double[] column = readings.stream().mapToDouble(r -> r[label]).toArray();
    Arrays.sort(column);
    int mid = column.length / 2;
    return column.length % 2 == 1 ? column[mid] : (column[mid - 1] + column[mid]) / 2;
  }
}

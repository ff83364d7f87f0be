package org.expressionmirror.training.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.expressionmirror.api.Expressions;
import org.expressionmirror.api.teach.TeachCounts;

/**
 * Teach mode's samples: backbone features per canonical label, in memory only (never an image,
 * never a file). A label with at least {@code minimum} samples takes part in training; at least
 * two such labels are needed. Thread-safe.
 */
final class TeachSamples {
  private final int minimum;
  private final int maximum;
  private final Map<String, Deque<float[]>> samples = new LinkedHashMap<>();

  /**
   * @param minimum samples a label needs to take part in training
   * @param maximum samples kept per label; beyond it the oldest go (memory stays bounded however
   *     long one holds an expression, and the newest holds count)
   */
  TeachSamples(int minimum, int maximum) {
    if (minimum < 2 || maximum < minimum) {
      throw new IllegalArgumentException("samples per label: minimum " + minimum + " (2 or more), maximum " + maximum + " (at least the minimum)");
    }
    this.minimum = minimum;
    this.maximum = maximum;
    Expressions.CANONICAL.forEach(l -> samples.put(l, new ArrayDeque<>()));
  }

  /** @throws IllegalArgumentException for a label that is not a canonical expression */
  synchronized TeachCounts add(String label, float[] features) {
    Deque<float[]> kept = samples.get(label);
    if (kept == null) {
      throw new IllegalArgumentException("'" + label + "' is not an expression label (one of " + Expressions.CANONICAL + ")");
    }
    kept.addLast(features.clone());
    while (kept.size() > maximum) {
      kept.removeFirst();
    }
    return counts();
  }

  synchronized TeachCounts counts() {
    Map<String, Integer> per = new LinkedHashMap<>();
    samples.forEach((l, s) -> {
      if (!s.isEmpty()) {
        per.put(l, s.size());
      }
    });
    return new TeachCounts(per, minimum, missing(per));
  }

  /** The labels with enough samples, in canonical order. */
  synchronized List<String> trainable() {
    return samples.entrySet().stream().filter(e -> e.getValue().size() >= minimum).map(Map.Entry::getKey).toList();
  }

  /** A copy of the samples of {@code label}, oldest first. */
  synchronized List<float[]> of(String label) {
    return new ArrayList<>(samples.get(label));
  }

  synchronized void clear() {
    samples.values().forEach(Deque::clear);
  }

  /** Empty when two labels have enough samples; else what to record, naming the labels. */
  private String missing(Map<String, Integer> per) {
    List<String> enough = per.entrySet().stream().filter(e -> e.getValue() >= minimum).map(Map.Entry::getKey).toList();
    if (enough.size() >= 2) {
      return "";
    }
    List<String> short_ = per.entrySet().stream()
        .filter(e -> e.getValue() < minimum)
        .map(e -> e.getKey() + " " + e.getValue())
        .toList();
    String have = enough.isEmpty() ? "no expression has" : "only " + enough.get(0) + " has";
    return "Training needs 2 expressions with at least " + minimum + " samples each: " + have + " enough"
        + (short_.isEmpty() ? "" : " (" + String.join(", ", short_) + ")") + ".";
  }
}

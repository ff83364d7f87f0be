package org.expressionmirror.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Probabilities over the canonical expression labels a model has; they sum to 1.
 *
 * @param probabilities label to probability, in canonical order
 */
public record Distribution(Map<String, Double> probabilities) {
  private static final double SUM_TOLERANCE = 1e-3;

  public Distribution {
    Map<String, Double> ordered = new LinkedHashMap<>();
    for (String label : Expressions.CANONICAL) {
      Double p = probabilities.get(label);
      if (p != null) {
        ordered.put(label, p);
      }
    }
    for (Map.Entry<String, Double> e : probabilities.entrySet()) {
      if (!ordered.containsKey(e.getKey())) {
        throw new IllegalArgumentException("not a canonical expression label: '" + e.getKey() + "'");
      }
      double p = e.getValue();
      if (!(p >= 0 && p <= 1 + SUM_TOLERANCE)) {
        throw new IllegalArgumentException("probability of " + e.getKey() + " out of range: " + p);
      }
    }
    double sum = ordered.values().stream().mapToDouble(Double::doubleValue).sum();
    if (ordered.isEmpty() || Math.abs(sum - 1) > SUM_TOLERANCE) {
      throw new IllegalArgumentException("probabilities must sum to 1, got " + sum + " " + ordered);
    }
    probabilities = Collections.unmodifiableMap(ordered);
  }

  /** Builds a distribution from parallel arrays of canonical labels and probabilities. */
  public static Distribution of(List<String> labels, double[] values) {
    if (labels.size() != values.length) {
      throw new IllegalArgumentException(labels.size() + " labels for " + values.length + " values");
    }
    Map<String, Double> map = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      map.merge(labels.get(i), values[i], Double::sum);
    }
    return new Distribution(map);
  }

  /** Probability of a label, 0 when the model does not have it. */
  public double get(String label) {
    return probabilities.getOrDefault(label, 0.0);
  }

  /** The labels this distribution covers, in canonical order. */
  public List<String> labels() {
    return List.copyOf(probabilities.keySet());
  }

  /**
   * The labels with a probability of at least {@code threshold}, strongest first (ties in
   * canonical order).
   */
  public Map<String, Double> atLeast(double threshold) {
    Map<String, Double> above = new LinkedHashMap<>();
    for (Map.Entry<String, Double> e : top(probabilities.size())) {
      if (e.getValue() >= threshold) {
        above.put(e.getKey(), e.getValue());
      }
    }
    return Collections.unmodifiableMap(above);
  }

  /** The {@code n} most probable labels, strongest first (ties in canonical order). */
  public List<Map.Entry<String, Double>> top(int n) {
    List<Map.Entry<String, Double>> entries = new ArrayList<>(probabilities.entrySet());
    entries.sort(Map.Entry.<String, Double>comparingByValue().reversed());
    return List.copyOf(entries.subList(0, Math.min(n, entries.size())));
  }
}

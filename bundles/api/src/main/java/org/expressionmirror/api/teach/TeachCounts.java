package org.expressionmirror.api.teach;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The samples kept per label and what training still needs.
 *
 * @param perLabel samples per label, in the canonical order, only labels with samples
 * @param minimum samples a label needs to take part in training
 * @param missing empty when training can start, else one sentence saying what is missing
 */
public record TeachCounts(Map<String, Integer> perLabel, int minimum, String missing) {
  public TeachCounts {
    perLabel = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(perLabel));
    missing = missing == null ? "" : missing;
  }

  /** Whether {@link Teacher#train()} can start. */
  public boolean ready() {
    return missing.isEmpty();
  }

  /** Samples kept for {@code label}, 0 when none. */
  public int of(String label) {
    return perLabel.getOrDefault(label, 0);
  }

  /** All samples kept. */
  public int total() {
    return perLabel.values().stream().mapToInt(Integer::intValue).sum();
  }
}

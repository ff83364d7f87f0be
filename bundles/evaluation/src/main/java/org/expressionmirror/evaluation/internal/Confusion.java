package org.expressionmirror.evaluation.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.expressionmirror.api.Expressions;

/**
 * Counts of (true label, predicted label) over canonical labels, with one more column for images
 * in which the detector found no face. Rows are true labels, columns predictions. Precision of a
 * label is over the faces predicted as it; recall is over all its images, so an image without a
 * face counts against recall (it cannot be right).
 */
public final class Confusion {
  static final String NO_FACE = "no face";

  private final List<String> labels;
  private final Map<String, Integer> index = new HashMap<>();
  private final long[][] counts;

  /** A matrix over the given labels (put in canonical order; duplicates ignored). */
  public Confusion(Collection<String> labels) {
    List<String> ordered = new ArrayList<>();
    for (String l : Expressions.CANONICAL) {
      if (labels.contains(l)) {
        index.put(l, ordered.size());
        ordered.add(l);
      }
    }
    for (String l : labels) {
      if (!index.containsKey(l)) {
        throw new IllegalArgumentException("not a canonical expression label: '" + l + "'");
      }
    }
    this.labels = List.copyOf(ordered);
    this.counts = new long[ordered.size()][ordered.size() + 1];
  }

  public List<String> labels() {
    return labels;
  }

  /** Counts one image; {@code predicted} null means no face was found. */
  public void add(String truth, String predicted) {
    int column = predicted == null ? labels.size() : at(predicted);
    counts[at(truth)][column]++;
  }

  long count(String truth, String predicted) {
    return counts[at(truth)][predicted == null ? labels.size() : at(predicted)];
  }

  /** Images of this true label. */
  public long support(String label) {
    long n = 0;
    for (long c : counts[at(label)]) {
      n += c;
    }
    return n;
  }

  /** Faces predicted as this label. */
  long predicted(String label) {
    int j = at(label);
    long n = 0;
    for (long[] row : counts) {
      n += row[j];
    }
    return n;
  }

  long total() {
    long n = 0;
    for (String l : labels) {
      n += support(l);
    }
    return n;
  }

  long correct() {
    long n = 0;
    for (int i = 0; i < labels.size(); i++) {
      n += counts[i][i];
    }
    return n;
  }

  long noFace() {
    long n = 0;
    for (long[] row : counts) {
      n += row[labels.size()];
    }
    return n;
  }

  /** Correct over all images, 0 for an empty matrix. */
  public double accuracy() {
    long total = total();
    return total == 0 ? 0 : (double) correct() / total;
  }

  /** Precision, recall and F1 of one label; a value without a denominator is null. */
  public ClassMetrics metrics(String label) {
    long tp = counts[at(label)][at(label)];
    long predicted = predicted(label);
    long support = support(label);
    Double precision = predicted == 0 ? null : (double) tp / predicted;
    Double recall = support == 0 ? null : (double) tp / support;
    Double f1 = null;
    if (precision != null && recall != null) {
      f1 = precision + recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall);
    }
    return new ClassMetrics(label, precision, recall, f1, support);
  }

  /** The counts as rows (true labels) of columns (labels, then no face). */
  List<List<Long>> rows() {
    List<List<Long>> rows = new ArrayList<>();
    for (long[] row : counts) {
      rows.add(java.util.Arrays.stream(row).boxed().toList());
    }
    return rows;
  }

  private int at(String label) {
    Integer i = index.get(label);
    if (i == null) {
      throw new IllegalArgumentException("label '" + label + "' is not in this matrix " + labels);
    }
    return i;
  }
}

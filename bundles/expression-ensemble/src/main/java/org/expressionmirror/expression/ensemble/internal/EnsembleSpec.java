package org.expressionmirror.expression.ensemble.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import org.expressionmirror.expression.ensemble.Ensembles;

/**
 * A checked ensemble configuration.
 *
 * @param weights one per member, summing to 1
 */
record EnsembleSpec(String id, List<String> members, double[] weights) {

  /** Checks a configuration; the message names the PID, the key and the value. */
  static EnsembleSpec of(String id, String[] members, String[] weights) {
    if (id == null || !id.matches("[A-Za-z0-9._-]+")) {
      throw new IllegalArgumentException(Ensembles.PID + ": id = " + id + " must be letters, digits, '.', '_' or '-'");
    }
    String where = Ensembles.PID + " '" + id + "': ";
    List<String> ids = split(members);
    if (new LinkedHashSet<>(ids).size() != ids.size()) {
      throw new IllegalArgumentException(where + "members = " + ids + " names a model twice");
    }
    if (ids.size() < 2) {
      throw new IllegalArgumentException(where + "members = " + ids + " must name at least two models");
    }
    if (ids.contains(id)) {
      throw new IllegalArgumentException(where + "members = " + ids + " must not include the ensemble itself");
    }
    List<String> w = split(weights);
    double[] parsed = new double[ids.size()];
    if (w.isEmpty()) {
      Arrays.fill(parsed, 1.0 / ids.size());
      return new EnsembleSpec(id, List.copyOf(ids), parsed);
    }
    if (w.size() != ids.size()) {
      throw new IllegalArgumentException(where + "weights = " + w + " must have one value per member " + ids);
    }
    double sum = 0;
    for (int i = 0; i < parsed.length; i++) {
      try {
        parsed[i] = Double.parseDouble(w.get(i));
      } catch (NumberFormatException e) {
        parsed[i] = Double.NaN;
      }
      if (!(parsed[i] > 0) || Double.isInfinite(parsed[i])) {
        throw new IllegalArgumentException(where + "weights = " + w + ": '" + w.get(i) + "' is not a positive number");
      }
      sum += parsed[i];
    }
    for (int i = 0; i < parsed.length; i++) {
      parsed[i] /= sum;
    }
    return new EnsembleSpec(id, List.copyOf(ids), parsed);
  }

  /** Values of a list key; a .cfg file gives one comma-separated string. */
  private static List<String> split(String[] values) {
    List<String> out = new ArrayList<>();
    if (values != null) {
      for (String v : values) {
        for (String part : v.split(",")) {
          if (!part.isBlank()) {
            out.add(part.trim());
          }
        }
      }
    }
    return out;
  }
}

package org.expressionmirror.display.swt.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.expressionmirror.api.FaceResult;

/**
 * The labels shown beside a face: its three strongest smoothed ones, then any further label at
 * the pipeline's threshold or above ({@link FaceResult#labelsAbove()}), as the record has them.
 */
final class ShownLabels {
  static final int TOP = 3;

  private ShownLabels() {}

  /** Strongest first; empty for a face that was not read. */
  static List<Map.Entry<String, Double>> of(FaceResult face) {
    if (face.smoothed() == null) {
      return List.of();
    }
    List<Map.Entry<String, Double>> rows = new ArrayList<>(face.smoothed().top(TOP));
    for (Map.Entry<String, Double> e : face.labelsAbove().entrySet()) {
      if (rows.stream().noneMatch(r -> r.getKey().equals(e.getKey()))) {
        rows.add(Map.entry(e.getKey(), e.getValue()));
      }
    }
    return rows;
  }
}

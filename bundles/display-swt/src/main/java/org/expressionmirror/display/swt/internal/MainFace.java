package org.expressionmirror.display.swt.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.expressionmirror.api.FaceResult;

/** The main face is the largest one: in a mirror that is the person in front of the camera. */
final class MainFace {
  private MainFace() {}

  static Optional<FaceResult> of(List<FaceResult> faces) {
    return faces.stream().max(Comparator.comparingLong(f -> f.box().area()));
  }
}

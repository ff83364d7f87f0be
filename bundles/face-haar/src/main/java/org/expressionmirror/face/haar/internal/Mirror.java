package org.expressionmirror.face.haar.internal;

import java.util.ArrayList;
import java.util.List;
import org.expressionmirror.api.Box;

/** Boxes found on a horizontally mirrored image, mapped back and merged with the direct ones. */
final class Mirror {
  /** A mirrored box overlapping a direct one this much is the same face seen twice. */
  static final double SAME_FACE_IOU = 0.3;

  private Mirror() {}

  /** The box in the original image of a box found in its mirror image {@code width} wide. */
  static Box back(Box mirrored, int width) {
    return new Box(
        width - mirrored.x() - mirrored.width(), mirrored.y(), mirrored.width(), mirrored.height());
  }

  /** The direct boxes, then each mirrored box (already mapped back) that is not one of them. */
  static List<Box> merge(List<Box> direct, List<Box> mirroredBack) {
    List<Box> all = new ArrayList<>(direct);
    for (Box m : mirroredBack) {
      if (all.stream().noneMatch(b -> b.iou(m) >= SAME_FACE_IOU)) {
        all.add(m);
      }
    }
    return all;
  }
}

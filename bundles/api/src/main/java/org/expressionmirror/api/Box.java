package org.expressionmirror.api;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** An axis-aligned rectangle in source pixels; {@code x, y} is the top-left corner. */
public record Box(int x, int y, int width, int height) {
  public Box {
    if (width < 0 || height < 0) {
      throw new IllegalArgumentException("box size must not be negative: " + width + "x" + height);
    }
  }

  public long area() {
    return (long) width * height;
  }

  /**
   * The item with the largest box: the main face, the one read in "only my face" mode, the one
   * evaluation and training crop. Of equal areas the first wins, so the choice is stable.
   *
   * @param items faces, readings or boxes, in the detector's order
   * @param box the box of an item
   * @return the index of that item, -1 when there is none
   */
  public static <T> int largest(List<? extends T> items, Function<? super T, Box> box) {
    int best = -1;
    long bestArea = -1;
    for (int i = 0; i < items.size(); i++) {
      long area = box.apply(items.get(i)).area();
      if (area > bestArea) {
        best = i;
        bestArea = area;
      }
    }
    return best;
  }

  /** The item with the largest box as {@link #largest(List, Function)} picks it; empty when none. */
  public static <T> Optional<T> largestOf(List<? extends T> items, Function<? super T, Box> box) {
    int i = largest(items, box);
    return i < 0 ? Optional.empty() : Optional.of(items.get(i));
  }

  /** Intersection over union, 0 when the boxes do not touch. */
  public double iou(Box other) {
    int ix = Math.max(0, Math.min(x + width, other.x + other.width) - Math.max(x, other.x));
    int iy = Math.max(0, Math.min(y + height, other.y + other.height) - Math.max(y, other.y));
    long inter = (long) ix * iy;
    long union = area() + other.area() - inter;
    return union == 0 ? 0 : (double) inter / union;
  }

  /** This box cut to an image of the given size. */
  public Box clip(int imageWidth, int imageHeight) {
    int x0 = Math.max(0, Math.min(x, imageWidth));
    int y0 = Math.max(0, Math.min(y, imageHeight));
    int x1 = Math.max(x0, Math.min(x + width, imageWidth));
    int y1 = Math.max(y0, Math.min(y + height, imageHeight));
    return new Box(x0, y0, x1 - x0, y1 - y0);
  }
}

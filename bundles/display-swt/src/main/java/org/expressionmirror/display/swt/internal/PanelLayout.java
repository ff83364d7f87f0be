package org.expressionmirror.display.swt.internal;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.swt.graphics.Rectangle;

/**
 * Where the readings panels of several faces go, so that faces close together (two people side by
 * side) do not hide each other's numbers. Panels are placed one by one, the main face's first. A
 * panel keeps the place it would have alone (right of its box, else left) unless that covers a
 * panel placed before or another face; then it takes the first of right of its box, left of it,
 * under it, over it that stays inside the image and covers neither, else the first that covers no
 * panel, else its place as if alone (painted under the main face's, which is painted last).
 */
final class PanelLayout {
  private final Rectangle area;
  private final List<Rectangle> faces;
  private final List<Rectangle> placed = new ArrayList<>();

  /**
   * @param area the image's part of the window
   * @param faces every face's box on screen, also of faces without a panel
   */
  PanelLayout(Rectangle area, List<Rectangle> faces) {
    this.area = area;
    this.faces = List.copyOf(faces);
  }

  /** The place of a {@code width} x {@code height} panel for the face in {@code box}. */
  Rectangle place(Rectangle box, int width, int height) {
    Rectangle alone = FacePainter.panelBounds(box, area, width, height);
    List<Rectangle> others = others(box);
    Rectangle chosen = alone;
    if (!coversNone(alone, placed) || !coversNone(alone, others)) {
      // its usual place (which may reach past a small image, as it always did) is taken
      List<Rectangle> candidates = candidates(box, width, height);
      chosen =
          candidates.stream()
              .filter(c -> inside(c) && coversNone(c, placed) && coversNone(c, others))
              .findFirst()
              .or(() -> candidates.stream().filter(c -> inside(c) && coversNone(c, placed)).findFirst())
              .orElse(alone);
    }
    placed.add(chosen);
    return chosen;
  }

  private List<Rectangle> candidates(Rectangle box, int width, int height) {
    int y = clamp(box.y, area.y, area.y + area.height - height);
    int x = clamp(box.x, area.x, area.x + area.width - width);
    return List.of(
        new Rectangle(box.x + box.width + FacePainter.GAP, y, width, height),
        new Rectangle(box.x - FacePainter.GAP - width, y, width, height),
        new Rectangle(x, box.y + box.height + FacePainter.GAP, width, height),
        new Rectangle(x, box.y - FacePainter.GAP - height, width, height));
  }

  private List<Rectangle> others(Rectangle box) {
    return faces.stream().filter(f -> !f.equals(box)).toList();
  }

  private boolean inside(Rectangle r) {
    return r.x >= area.x && r.y >= area.y
        && r.x + r.width <= area.x + area.width && r.y + r.height <= area.y + area.height;
  }

  private static boolean coversNone(Rectangle r, List<Rectangle> others) {
    return others.stream().noneMatch(r::intersects);
  }

  private static int clamp(int v, int min, int max) {
    return Math.max(min, Math.min(v, max));
  }
}

package org.expressionmirror.display.swt.internal;

import java.util.List;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;

/** Draws Teach mode: the panel of lines at the bottom left of the image, and the hold's countdown. */
final class TeachPainter {
  private static final int PAD = 10;

  private final Palette palette;

  TeachPainter(Palette palette) {
    this.palette = palette;
  }

  /** The lines on a panel; the last in the warning colour when it is a message. */
  void panel(GC gc, Rectangle area, List<String> lines, boolean lastIsMessage) {
    int lineHeight = gc.getFontMetrics().getHeight();
    int width = 0;
    for (String l : lines) {
      width = Math.max(width, gc.textExtent(l).x);
    }
    width = Math.min(area.width - 2 * PAD, width + 2 * PAD);
    int height = lines.size() * lineHeight + 2 * PAD;
    int x = area.x + PAD;
    int y = area.y + area.height - height - PAD;
    gc.setAlpha(220);
    gc.setBackground(palette.panel);
    gc.fillRectangle(x, y, width, height);
    gc.setAlpha(255);
    for (int i = 0; i < lines.size(); i++) {
      boolean warn = lastIsMessage && i == lines.size() - 1;
      gc.setForeground(warn ? palette.warning : palette.text);
      gc.drawText(lines.get(i), x + PAD, y + PAD + i * lineHeight, true);
    }
  }

  /** A line at the top of the image with a bar filled to {@code progress}, in the expression's colour. */
  void banner(GC gc, Rectangle area, String text, double progress, String expression) {
    Banner.draw(gc, palette, area, text, progress, palette.of(expression));
  }
}

package org.expressionmirror.display.swt.internal;

import java.util.List;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
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
    Point extent = gc.textExtent(text);
    int barWidth = BaselineView.PROGRESS_WIDTH;
    int width = Math.max(extent.x, barWidth) + 40;
    int height = extent.y + 30 + BaselineView.PROGRESS_HEIGHT;
    int x = area.x + (area.width - width) / 2;
    int y = area.y + 12;
    gc.setAlpha(210);
    gc.setBackground(palette.panel);
    gc.fillRectangle(x, y, width, height);
    gc.setAlpha(255);
    gc.setForeground(palette.warning);
    gc.drawText(text, x + (width - extent.x) / 2, y + 10, true);
    gc.setBackground(palette.background);
    gc.fillRectangle(x + 20, y + extent.y + 18, barWidth, BaselineView.PROGRESS_HEIGHT);
    gc.setBackground(palette.of(expression));
    gc.fillRectangle(x + 20, y + extent.y + 18, (int) Math.round(barWidth * Math.min(1, progress)), BaselineView.PROGRESS_HEIGHT);
  }
}

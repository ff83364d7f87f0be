package org.expressionmirror.display.swt.internal;

import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;

/**
 * A panel at the top of the image with a line of text and, when {@code progress >= 0}, a bar: the
 * neutral baseline's and Teach mode's countdowns. UI thread only.
 */
final class Banner {
  static final int PROGRESS_WIDTH = 240;
  static final int PROGRESS_HEIGHT = 8;

  private Banner() {}

  /** Draws the banner; returns where it is, so a caller can repaint just that. */
  static Rectangle draw(GC gc, Palette palette, Rectangle area, String text, double progress, Color bar) {
    Point extent = gc.textExtent(text);
    int width = Math.max(extent.x, PROGRESS_WIDTH) + 40;
    int height = extent.y + 20 + (progress >= 0 ? PROGRESS_HEIGHT + 10 : 0);
    int x = area.x + (area.width - width) / 2;
    int y = area.y + 12;
    gc.setAlpha(210);
    gc.setBackground(palette.panel);
    gc.fillRectangle(x, y, width, height);
    gc.setAlpha(255);
    gc.setForeground(palette.warning);
    gc.drawText(text, x + (width - extent.x) / 2, y + 10, true);
    if (progress >= 0) {
      int barX = x + (width - PROGRESS_WIDTH) / 2;
      int barY = y + extent.y + 18;
      gc.setBackground(palette.background);
      gc.fillRectangle(barX, barY, PROGRESS_WIDTH, PROGRESS_HEIGHT);
      gc.setBackground(bar);
      gc.fillRectangle(barX, barY, (int) Math.round(PROGRESS_WIDTH * Math.min(1, progress)), PROGRESS_HEIGHT);
    }
    return new Rectangle(x, y, width, height);
  }
}

package org.expressionmirror.display.swt.internal;

import org.eclipse.swt.graphics.Rectangle;
import org.expressionmirror.api.Box;

/**
 * Where a frame lands in the window: scaled to fit an area keeping its aspect ratio, centred, and
 * flipped when mirrored. Image and face boxes go through the same transform so they always agree.
 */
record ViewTransform(
    int frameWidth, int frameHeight, int left, int top, double scale, boolean mirrored) {

  /** Fits a frame of the given size into the area. */
  static ViewTransform fit(int frameWidth, int frameHeight, Rectangle area, boolean mirrored) {
    double scale = Math.min((double) area.width / frameWidth, (double) area.height / frameHeight);
    int width = (int) Math.round(frameWidth * scale);
    int height = (int) Math.round(frameHeight * scale);
    int left = area.x + (area.width - width) / 2;
    int top = area.y + (area.height - height) / 2;
    return new ViewTransform(frameWidth, frameHeight, left, top, scale, mirrored);
  }

  /** The rectangle the whole frame is drawn into. */
  Rectangle imageArea() {
    return new Rectangle(
        left, top, (int) Math.round(frameWidth * scale), (int) Math.round(frameHeight * scale));
  }

  /** A box of the frame in window pixels, flipped like the image when mirrored. */
  Rectangle toView(Box box) {
    int x = mirrored ? frameWidth - box.x() - box.width() : box.x();
    int x0 = left + (int) Math.round(x * scale);
    int y0 = top + (int) Math.round(box.y() * scale);
    int x1 = left + (int) Math.round((x + box.width()) * scale);
    int y1 = top + (int) Math.round((box.y() + box.height()) * scale);
    return new Rectangle(x0, y0, x1 - x0, y1 - y0);
  }
}

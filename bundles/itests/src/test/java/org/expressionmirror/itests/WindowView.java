package org.expressionmirror.itests;

import java.util.Map;
import org.expressionmirror.api.Box;
import org.expressionmirror.api.Expressions;

/**
 * What the test reads from the window's pixels, by its own arithmetic (not the window's code): the
 * colours the window promises, where the image lies in the canvas, and where a face box of the
 * frame must land (scaled to fit, mirrored).
 */
final class WindowView {
  /** The frame around a face that is read. */
  static final int FACE = rgb(0, 230, 118);
  /** The canvas's background beside the image. */
  static final int BACKGROUND = rgb(18, 18, 20);
  /** The bar colour of each expression (the bars and the timeline share them). */
  static final Map<String, Integer> BARS =
      Map.of(
          Expressions.ANGER, rgb(229, 57, 53),
          Expressions.CONTEMPT, rgb(161, 136, 127),
          Expressions.DISGUST, rgb(156, 204, 101),
          Expressions.FEAR, rgb(171, 71, 188),
          Expressions.HAPPINESS, rgb(255, 202, 40),
          Expressions.NEUTRAL, rgb(144, 164, 174),
          Expressions.SADNESS, rgb(66, 165, 245),
          Expressions.SURPRISE, rgb(255, 112, 67));

  /** Reads a pixel of the canvas as 0xRRGGBB. */
  interface Pixels {
    int rgb(int x, int y);

    int width();

    int height();
  }

  /** Where the frame was drawn in the canvas. */
  record Area(int left, int top, int width, int height, double scale) {
    /** Where a frame box must be drawn when the image is mirrored (or not). */
    Rect map(Box b, int frameWidth, boolean mirrored) {
      int x = mirrored ? frameWidth - b.x() - b.width() : b.x();
      int x0 = left + (int) Math.round(x * scale);
      int x1 = left + (int) Math.round((x + b.width()) * scale);
      int y0 = top + (int) Math.round(b.y() * scale);
      int y1 = top + (int) Math.round((b.y() + b.height()) * scale);
      return new Rect(x0, y0, x1, y1);
    }
  }

  /** A rectangle by its corners, both included. */
  record Rect(int x0, int y0, int x1, int y1) {
    boolean near(Rect o, int tolerance) {
      return Math.abs(x0 - o.x0) <= tolerance
          && Math.abs(y0 - o.y0) <= tolerance
          && Math.abs(x1 - o.x1) <= tolerance
          && Math.abs(y1 - o.y1) <= tolerance;
    }
  }

  private WindowView() {}

  static int rgb(int r, int g, int b) {
    return (r << 16) | (g << 8) | b;
  }

  /**
   * Finds the image of a frame in the canvas: background margins left and right of it at half
   * height give its left edge and width (hence the scale); its top is the first row below the
   * status line (which is never the background colour) where the image's columns show something
   * other than background.
   */
  static Area imageArea(Pixels p, int frameWidth, int frameHeight) {
    int y = p.height() / 2;
    int left = 0;
    while (left < p.width() && p.rgb(left, y) == BACKGROUND) {
      left++;
    }
    int right = p.width() - 1;
    while (right > left && p.rgb(right, y) == BACKGROUND) {
      right--;
    }
    if (left < 3 || right > p.width() - 4) {
      throw new AssertionError(
          "no background margins beside the image at half height: " + left + ".." + right + " of " + p.width());
    }
    double scale = (right - left + 1) / (double) frameWidth;
    int height = (int) Math.round(frameHeight * scale);
    int margin = left - 2;
    int top = 0;
    while (top < p.height() && p.rgb(margin, top) != BACKGROUND) {
      top++; // the status line
    }
    while (top < p.height() && rowIs(p, top, left, right, BACKGROUND)) {
      top++;
    }
    if (top + height > p.height()) {
      throw new AssertionError("image " + left + "," + top + " scale " + scale + " does not fit the canvas");
    }
    return new Area(left, top, right - left + 1, height, scale);
  }

  private static boolean rowIs(Pixels p, int y, int x0, int x1, int colour) {
    for (int x = x0; x <= x1; x++) {
      if (p.rgb(x, y) != colour) {
        return false;
      }
    }
    return true;
  }

  /** The bounding rectangle of all pixels of a colour inside a region, or null. */
  static Rect bounds(Pixels p, int colour, Rect region) {
    int x0 = Integer.MAX_VALUE;
    int y0 = Integer.MAX_VALUE;
    int x1 = -1;
    int y1 = -1;
    for (int y = Math.max(0, region.y0()); y <= Math.min(p.height() - 1, region.y1()); y++) {
      for (int x = Math.max(0, region.x0()); x <= Math.min(p.width() - 1, region.x1()); x++) {
        if (p.rgb(x, y) == colour) {
          x0 = Math.min(x0, x);
          y0 = Math.min(y0, y);
          x1 = Math.max(x1, x);
          y1 = Math.max(y1, y);
        }
      }
    }
    return x1 < 0 ? null : new Rect(x0, y0, x1, y1);
  }

  /** How many pixels of a region have exactly this colour. */
  static int count(Pixels p, int colour, Rect region) {
    int n = 0;
    for (int y = Math.max(0, region.y0()); y <= Math.min(p.height() - 1, region.y1()); y++) {
      for (int x = Math.max(0, region.x0()); x <= Math.min(p.width() - 1, region.x1()); x++) {
        if (p.rgb(x, y) == colour) {
          n++;
        }
      }
    }
    return n;
  }
}

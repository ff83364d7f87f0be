package org.expressionmirror.expression.onnx.internal;

import org.expressionmirror.api.Box;
import org.expressionmirror.api.Frame;

/**
 * The model description's preprocessing written out by hand, pixel by pixel, without OpenCV: the
 * independent computation the real preprocessing is checked against.
 */
final class ReferencePreprocessing {
  private ReferencePreprocessing() {}

  static float[] tensor(Frame frame, Box box, ModelSpec s) {
    int mx = (int) Math.round(box.width() * s.margin());
    int my = (int) Math.round(box.height() * s.margin());
    int x0 = Math.max(0, box.x() - mx);
    int y0 = Math.max(0, box.y() - my);
    int x1 = Math.min(frame.width(), box.x() + box.width() + mx);
    int y1 = Math.min(frame.height(), box.y() + box.height() + my);
    int cw = x1 - x0;
    int ch = y1 - y0;
    // The padded canvas: the crop placed at (left, top) in a square of zeros, when asked for.
    int w = cw;
    int h = ch;
    int left = 0;
    int top = 0;
    if (s.square()) {
      int side = Math.max(cw, ch);
      int diff = side - Math.min(cw, ch);
      int before = diff - (int) Math.floor(diff / 2.0 + 0.5);
      if (ch > cw) {
        left = before;
      } else {
        top = before;
      }
      w = side;
      h = side;
    }
    int ow = s.width();
    int oh = s.height();
    float[] out = new float[ow * oh * s.channels()];
    for (int oy = 0; oy < oh; oy++) {
      for (int ox = 0; ox < ow; ox++) {
        double[] bgr = new double[3];
        double sx = source(ox, w, ow, s.resize());
        double sy = source(oy, h, oh, s.resize());
        int ix = (int) Math.floor(sx);
        int iy = (int) Math.floor(sy);
        double fx = sx - ix;
        double fy = sy - iy;
        for (int k = 0; k < 3; k++) {
          double a = at(frame, x0, y0, cw, ch, left, top, ix, iy, k);
          double b = at(frame, x0, y0, cw, ch, left, top, Math.min(ix + 1, w - 1), iy, k);
          double c = at(frame, x0, y0, cw, ch, left, top, ix, Math.min(iy + 1, h - 1), k);
          double d = at(frame, x0, y0, cw, ch, left, top, Math.min(ix + 1, w - 1), Math.min(iy + 1, h - 1), k);
          bgr[k] = (a * (1 - fx) + b * fx) * (1 - fy) + (c * (1 - fx) + d * fx) * fy;
        }
        for (int c = 0; c < s.channels(); c++) {
          double raw =
              switch (s.colour()) {
                case GREY -> s.greyWeights()[0] * bgr[2] + s.greyWeights()[1] * bgr[1] + s.greyWeights()[2] * bgr[0];
                case RGB -> bgr[2 - c];
                case BGR -> bgr[c];
              };
          double v = (raw * s.scale() - s.mean()[c]) / s.std()[c];
          int index = s.nchw() ? (c * oh + oy) * ow + ox : (oy * ow + ox) * s.channels() + c;
          out[index] = (float) v;
        }
      }
    }
    return out;
  }

  /** Source coordinate of an output pixel, clamped to the image. */
  private static double source(int o, int in, int out, ModelSpec.Resize resize) {
    double scale = (double) in / out;
    double x = resize == ModelSpec.Resize.BILINEAR ? (o + 0.5) * scale - 0.5 : o * scale;
    return Math.min(Math.max(x, 0), in - 1);
  }

  /** Channel k (B, G, R) of canvas pixel (x, y): the frame inside the crop, zero in the padding. */
  private static double at(Frame f, int x0, int y0, int cw, int ch, int left, int top, int x, int y, int k) {
    int cx = x - left;
    int cy = y - top;
    if (cx < 0 || cy < 0 || cx >= cw || cy >= ch) {
      return 0;
    }
    return f.bgr()[((y0 + cy) * f.width() + x0 + cx) * 3 + k] & 0xff;
  }
}

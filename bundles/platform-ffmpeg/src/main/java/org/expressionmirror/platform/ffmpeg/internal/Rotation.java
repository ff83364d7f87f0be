package org.expressionmirror.platform.ffmpeg.internal;

/**
 * Turns BGR images by quarter turns, as FFmpeg's command line does by default for a file whose
 * display matrix asks for it (phones store portrait video as rotated landscape).
 */
enum Rotation {
  NONE,
  CLOCKWISE,
  HALF,
  COUNTER_CLOCKWISE;

  /**
   * The turn for a display-matrix angle in degrees (counter-clockwise, as FFmpeg's
   * {@code av_display_rotation_get} gives it); angles between quarter turns are not turned.
   */
  static Rotation ofDisplayMatrix(double counterClockwiseDegrees) {
    double clockwise = -counterClockwiseDegrees;
    long quarter = Math.round(clockwise / 90);
    if (Double.isNaN(clockwise) || Math.abs(clockwise - quarter * 90) > 1) {
      return NONE;
    }
    return values()[(int) Math.floorMod(quarter, 4L)];
  }

  boolean swapsSides() {
    return this == CLOCKWISE || this == COUNTER_CLOCKWISE;
  }

  /** The {@code w x h} image turned; the same array when there is nothing to turn. */
  byte[] apply(byte[] bgr, int w, int h) {
    return this == NONE ? bgr : apply(bgr, w, h, new byte[bgr.length]);
  }

  /** The {@code w x h} image turned into {@code out}, an array of its size other than {@code bgr}. */
  byte[] apply(byte[] bgr, int w, int h, byte[] out) {
    if (this == NONE) {
      System.arraycopy(bgr, 0, out, 0, bgr.length);
      return out;
    }
    int outW = swapsSides() ? h : w;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int to = target(x, y, w, h, outW);
        int from = (y * w + x) * 3;
        out[to] = bgr[from];
        out[to + 1] = bgr[from + 1];
        out[to + 2] = bgr[from + 2];
      }
    }
    return out;
  }

  /** Byte offset in the turned image of source pixel (x, y). */
  private int target(int x, int y, int w, int h, int outW) {
    return switch (this) {
      case CLOCKWISE -> (x * outW + (h - 1 - y)) * 3;
      case HALF -> ((h - 1 - y) * outW + (w - 1 - x)) * 3;
      case COUNTER_CLOCKWISE -> ((w - 1 - x) * outW + y) * 3;
      case NONE -> (y * outW + x) * 3;
    };
  }
}

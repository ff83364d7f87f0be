package org.expressionmirror.expression.onnx.internal;

/**
 * TensorFlow's legacy {@code resizeBilinear} (no corner alignment, no half-pixel centres): output
 * pixel {@code x} samples the input at {@code x * in / out}, clamped at the far edge. Written out
 * because OpenCV's remap and warpAffine round sample positions to 1/32 pixel, which moved
 * face-api's accuracy on FER2013 by a tenth of a point.
 */
final class TfLegacyResize {
  private TfLegacyResize() {}

  /**
   * Resizes interleaved 3-channel floats.
   *
   * @param src {@code inW * inH * 3} values, row by row
   * @param dst receives {@code outW * outH * 3} values
   */
  static void resize(float[] src, int inW, int inH, int outW, int outH, float[] dst) {
    float sx = (float) inW / outW;
    float sy = (float) inH / outH;
    for (int y = 0; y < outH; y++) {
      float fy = y * sy;
      int y0 = (int) Math.floor(fy);
      int y1 = Math.min(y0 + 1, inH - 1);
      float dy = fy - y0;
      for (int x = 0; x < outW; x++) {
        float fx = x * sx;
        int x0 = (int) Math.floor(fx);
        int x1 = Math.min(x0 + 1, inW - 1);
        float dx = fx - x0;
        for (int c = 0; c < 3; c++) {
          float tl = src[(y0 * inW + x0) * 3 + c];
          float tr = src[(y0 * inW + x1) * 3 + c];
          float bl = src[(y1 * inW + x0) * 3 + c];
          float br = src[(y1 * inW + x1) * 3 + c];
          float top = tl + (tr - tl) * dx;
          float bottom = bl + (br - bl) * dx;
          dst[(y * outW + x) * 3 + c] = top + (bottom - top) * dy;
        }
      }
    }
  }
}

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
    // The columns' sample positions are the same on every row: worked out once per call (this
    // runs once per face and frame, and the program's JIT compiler does not hoist them itself).
    int[] left = new int[outW];
    int[] right = new int[outW];
    float[] dxs = new float[outW];
    for (int x = 0; x < outW; x++) {
      float fx = x * sx;
      int x0 = (int) Math.floor(fx);
      left[x] = x0 * 3;
      right[x] = Math.min(x0 + 1, inW - 1) * 3;
      dxs[x] = fx - x0;
    }
    int o = 0;
    for (int y = 0; y < outH; y++) {
      float fy = y * sy;
      int y0 = (int) Math.floor(fy);
      int top = y0 * inW * 3;
      int bottom = Math.min(y0 + 1, inH - 1) * inW * 3;
      float dy = fy - y0;
      for (int x = 0; x < outW; x++) {
        float dx = dxs[x];
        int tl = top + left[x];
        int tr = top + right[x];
        int bl = bottom + left[x];
        int br = bottom + right[x];
        for (int c = 0; c < 3; c++) {
          float t = src[tl + c] + (src[tr + c] - src[tl + c]) * dx;
          float b = src[bl + c] + (src[br + c] - src[bl + c]) * dx;
          dst[o++] = t + (b - t) * dy;
        }
      }
    }
  }
}

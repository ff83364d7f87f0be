package org.expressionmirror.models.converter.tfjs;

/**
 * TensorFlow-to-ONNX conventions shared by every builder that starts from TF weights: filter
 * layouts and SAME padding. TF keeps activations NHWC and filters HWIO (depthwise: H, W, C, M);
 * ONNX wants NCHW and OIHW (depthwise: C*M, 1, H, W with group = C).
 */
public final class TfLayouts {
  private TfLayouts() {}

  /** Conv2D filter [kh, kw, in, out] to ONNX [out, in, kh, kw]. */
  public static float[] hwioToOihw(float[] w, int kh, int kw, int in, int out) {
    float[] r = new float[w.length];
    for (int y = 0; y < kh; y++) {
      for (int x = 0; x < kw; x++) {
        for (int i = 0; i < in; i++) {
          for (int o = 0; o < out; o++) {
            r[((o * in + i) * kh + y) * kw + x] = w[((y * kw + x) * in + i) * out + o];
          }
        }
      }
    }
    return r;
  }

  /**
   * Depthwise filter [kh, kw, c, m] to ONNX [c*m, 1, kh, kw]: TF's output channel c*m+k is ONNX
   * group c's k-th output, so the order is the same.
   */
  public static float[] depthwiseToOihw(float[] w, int kh, int kw, int c, int m) {
    return hwioToOihw(w, kh, kw, 1, c * m); // [kh, kw, c, m] read as [kh, kw, 1, c*m]
  }

  /**
   * TF "SAME" padding along one axis: output = ceil(in / stride) and the total padding is split
   * with the smaller half before (TF puts the odd pixel at the end, unlike ONNX SAME_LOWER).
   *
   * @return {before, after}
   */
  public static long[] samePadding(long in, long kernel, long stride, long dilation) {
    long out = (in + stride - 1) / stride;
    long effective = (kernel - 1) * dilation + 1;
    long total = Math.max((out - 1) * stride + effective - in, 0);
    return new long[] {total / 2, total - total / 2};
  }

  /** Output size along one axis for explicit padding (VALID = no padding). */
  public static long outputSize(long in, long kernel, long stride, long dilation, long pads) {
    long effective = (kernel - 1) * dilation + 1;
    return (in + pads - effective) / stride + 1;
  }
}

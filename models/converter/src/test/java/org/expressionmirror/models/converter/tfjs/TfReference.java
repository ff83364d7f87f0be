package org.expressionmirror.models.converter.tfjs;

/**
 * Straightforward NHWC reference implementations of TF's ops, written from TF's documented
 * semantics (SAME: out = ceil(in / stride), pad_before = floor(total / 2)), independent of the
 * converter's ONNX code path.
 */
final class TfReference {
  private TfReference() {}

  static int sameOut(int in, int stride) {
    return (in + stride - 1) / stride;
  }

  static int samePadBefore(int in, int k, int stride) {
    int total = Math.max((sameOut(in, stride) - 1) * stride + k - in, 0);
    return total / 2;
  }

  /** x [1,h,w,c], f [kh,kw,c,o] (HWIO); SAME padding; returns [1,oh,ow,o]. */
  static float[] conv2dSame(float[] x, int h, int w, int c, float[] f, int kh, int kw, int o,
      int stride) {
    int oh = sameOut(h, stride);
    int ow = sameOut(w, stride);
    int pt = samePadBefore(h, kh, stride);
    int pl = samePadBefore(w, kw, stride);
    float[] y = new float[oh * ow * o];
    for (int i = 0; i < oh; i++) {
      for (int j = 0; j < ow; j++) {
        for (int q = 0; q < o; q++) {
          double sum = 0;
          for (int u = 0; u < kh; u++) {
            for (int v = 0; v < kw; v++) {
              int yy = i * stride + u - pt;
              int xx = j * stride + v - pl;
              if (yy < 0 || yy >= h || xx < 0 || xx >= w) {
                continue;
              }
              for (int p = 0; p < c; p++) {
                sum += x[(yy * w + xx) * c + p] * f[((u * kw + v) * c + p) * o + q];
              }
            }
          }
          y[(i * ow + j) * o + q] = (float) sum;
        }
      }
    }
    return y;
  }

  /** x [1,h,w,c], f [kh,kw,c,m]; output channel p*m+k; SAME padding; returns [1,oh,ow,c*m]. */
  static float[] depthwiseSame(float[] x, int h, int w, int c, float[] f, int kh, int kw, int m,
      int stride) {
    int oh = sameOut(h, stride);
    int ow = sameOut(w, stride);
    int pt = samePadBefore(h, kh, stride);
    int pl = samePadBefore(w, kw, stride);
    float[] y = new float[oh * ow * c * m];
    for (int i = 0; i < oh; i++) {
      for (int j = 0; j < ow; j++) {
        for (int p = 0; p < c; p++) {
          for (int k = 0; k < m; k++) {
            double sum = 0;
            for (int u = 0; u < kh; u++) {
              for (int v = 0; v < kw; v++) {
                int yy = i * stride + u - pt;
                int xx = j * stride + v - pl;
                if (yy >= 0 && yy < h && xx >= 0 && xx < w) {
                  sum += x[(yy * w + xx) * c + p] * f[((u * kw + v) * c + p) * m + k];
                }
              }
            }
            y[((i * ow + j) * c + p) * m + k] = (float) sum;
          }
        }
      }
    }
    return y;
  }

  /** SAME pooling that ignores padded cells (TF's MaxPool and AvgPool). */
  static float[] poolSame(float[] x, int h, int w, int c, int k, int stride, boolean max) {
    int oh = sameOut(h, stride);
    int ow = sameOut(w, stride);
    int pt = samePadBefore(h, k, stride);
    int pl = samePadBefore(w, k, stride);
    float[] y = new float[oh * ow * c];
    for (int i = 0; i < oh; i++) {
      for (int j = 0; j < ow; j++) {
        for (int p = 0; p < c; p++) {
          double acc = max ? Double.NEGATIVE_INFINITY : 0;
          int n = 0;
          for (int u = 0; u < k; u++) {
            for (int v = 0; v < k; v++) {
              int yy = i * stride + u - pt;
              int xx = j * stride + v - pl;
              if (yy >= 0 && yy < h && xx >= 0 && xx < w) {
                float val = x[(yy * w + xx) * c + p];
                acc = max ? Math.max(acc, val) : acc + val;
                n++;
              }
            }
          }
          y[(i * ow + j) * c + p] = (float) (max ? acc : acc / n);
        }
      }
    }
    return y;
  }
}

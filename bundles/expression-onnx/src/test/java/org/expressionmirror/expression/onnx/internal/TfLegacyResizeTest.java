package org.expressionmirror.expression.onnx.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class TfLegacyResizeTest {
  /** 2x2 to 4x4 by hand: samples at 0, 0.5, 1, 1.5, the last clamped to the far edge. */
  @Test
  void upscalingSamplesAtXTimesInOverOutClampedAtTheEdge() {
    float[] in = rgb(0, 10, 20, 30);
    float[] out = new float[4 * 4 * 3];
    TfLegacyResize.resize(in, 2, 2, 4, 4, out);
    assertArrayEquals(
        rgb(0, 5, 10, 10, 10, 15, 20, 20, 20, 25, 30, 30, 20, 25, 30, 30), out, 1e-6f);
  }

  /** 4x1 to 2x1: samples at 0 and 2, no averaging (TF's legacy resize does not filter). */
  @Test
  void downscalingPicksSamplesWithoutFiltering() {
    float[] out = new float[2 * 3];
    TfLegacyResize.resize(rgb(1, 2, 3, 4), 4, 1, 2, 1, out);
    assertArrayEquals(rgb(1, 3), out, 1e-6f);
  }

  @Test
  void channelsStayApart() {
    float[] in = {1, 2, 3, 5, 7, 11};
    float[] out = new float[3 * 3];
    TfLegacyResize.resize(in, 2, 1, 3, 1, out);
    // samples at 0, 2/3, 4/3 (clamped to 1)
    assertArrayEquals(
        new float[] {1, 2, 3, 1 + 4 * 2 / 3f, 2 + 5 * 2 / 3f, 3 + 8 * 2 / 3f, 5, 7, 11}, out, 1e-5f);
  }

  /** The same grey value in all three channels. */
  private static float[] rgb(float... grey) {
    float[] v = new float[grey.length * 3];
    for (int i = 0; i < grey.length; i++) {
      v[3 * i] = v[3 * i + 1] = v[3 * i + 2] = grey[i];
    }
    return v;
  }
}

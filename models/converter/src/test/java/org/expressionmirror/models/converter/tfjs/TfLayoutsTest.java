package org.expressionmirror.models.converter.tfjs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class TfLayoutsTest {

  @Test
  void samePaddingPutsTheOddPixelAfter() {
    assertArrayEquals(new long[] {0, 1}, TfLayouts.samePadding(64, 3, 2, 1)); // out 32
    assertArrayEquals(new long[] {1, 1}, TfLayouts.samePadding(5, 3, 2, 1)); // out 3
    assertArrayEquals(new long[] {1, 1}, TfLayouts.samePadding(64, 3, 1, 1));
    assertArrayEquals(new long[] {0, 0}, TfLayouts.samePadding(64, 1, 1, 1));
    assertArrayEquals(new long[] {2, 2}, TfLayouts.samePadding(10, 3, 1, 2)); // dilated 5x5
    assertArrayEquals(new long[] {0, 0}, TfLayouts.samePadding(7, 1, 2, 1)); // never negative
  }

  @Test
  void hwioToOihwMovesEachWeightToItsOnnxPlace() {
    // [kh=1, kw=2, in=2, out=3]: value = 100*x + 10*i + o, so each weight names its position
    float[] hwio = new float[12];
    for (int x = 0; x < 2; x++) {
      for (int i = 0; i < 2; i++) {
        for (int o = 0; o < 3; o++) {
          hwio[(x * 2 + i) * 3 + o] = 100 * x + 10 * i + o;
        }
      }
    }
    float[] oihw = TfLayouts.hwioToOihw(hwio, 1, 2, 2, 3);
    // ONNX [o][i][0][x]
    assertArrayEquals(
        new float[] {0, 100, 10, 110, 1, 101, 11, 111, 2, 102, 12, 112}, oihw);
  }

  @Test
  void depthwiseFilterBecomesOneInputChannelPerGroup() {
    // [kh=1, kw=1, c=2, m=2] -> [c*m=4, 1, 1, 1] in the order c0m0, c0m1, c1m0, c1m1
    float[] w = {1, 2, 3, 4};
    assertArrayEquals(new float[] {1, 2, 3, 4}, TfLayouts.depthwiseToOihw(w, 1, 1, 2, 2));
  }
}

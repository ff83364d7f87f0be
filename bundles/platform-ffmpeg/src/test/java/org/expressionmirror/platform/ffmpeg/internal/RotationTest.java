package org.expressionmirror.platform.ffmpeg.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class RotationTest {
  // A 3x2 image whose pixels are numbered 1..6 (all three bytes of a pixel hold its number):
  // 1 2 3
  // 4 5 6
  private static final byte[] IMAGE = pixels(1, 2, 3, 4, 5, 6);

  @Test
  void displayMatrixAnglesAreCounterClockwiseAsFfmpegGivesThem() {
    assertEquals(Rotation.NONE, Rotation.ofDisplayMatrix(0));
    assertEquals(Rotation.CLOCKWISE, Rotation.ofDisplayMatrix(-90));
    assertEquals(Rotation.CLOCKWISE, Rotation.ofDisplayMatrix(270));
    assertEquals(Rotation.COUNTER_CLOCKWISE, Rotation.ofDisplayMatrix(90));
    assertEquals(Rotation.HALF, Rotation.ofDisplayMatrix(180));
    assertEquals(Rotation.HALF, Rotation.ofDisplayMatrix(-180));
    assertEquals(Rotation.NONE, Rotation.ofDisplayMatrix(45));
    assertEquals(Rotation.NONE, Rotation.ofDisplayMatrix(Double.NaN));
  }

  @Test
  void turnsPixelsByQuarterTurns() {
    assertSame(IMAGE, Rotation.NONE.apply(IMAGE, 3, 2));
    // clockwise: 4 1 / 5 2 / 6 3
    assertArrayEquals(pixels(4, 1, 5, 2, 6, 3), Rotation.CLOCKWISE.apply(IMAGE, 3, 2));
    // counter-clockwise: 3 6 / 2 5 / 1 4
    assertArrayEquals(pixels(3, 6, 2, 5, 1, 4), Rotation.COUNTER_CLOCKWISE.apply(IMAGE, 3, 2));
    assertArrayEquals(pixels(6, 5, 4, 3, 2, 1), Rotation.HALF.apply(IMAGE, 3, 2));
  }

  /** A frame given back is turned into: its old pixels are all overwritten. */
  @Test
  void turnsIntoAGivenArray() {
    byte[] old = pixels(9, 9, 9, 9, 9, 9);
    assertSame(old, Rotation.CLOCKWISE.apply(IMAGE, 3, 2, old));
    assertArrayEquals(pixels(4, 1, 5, 2, 6, 3), old);
    assertArrayEquals(IMAGE, Rotation.NONE.apply(IMAGE, 3, 2, old));
  }

  private static byte[] pixels(int... values) {
    byte[] bgr = new byte[values.length * 3];
    for (int i = 0; i < values.length; i++) {
      bgr[3 * i] = bgr[3 * i + 1] = bgr[3 * i + 2] = (byte) values[i];
    }
    return bgr;
  }
}

package org.expressionmirror.capture.opencv.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class FrameBuffersTest {
  private final FrameBuffers buffers = new FrameBuffers();

  @Test
  void anArrayGivenBackIsTakenAgainForAFrameOfItsSize() {
    byte[] a = buffers.take(12);
    buffers.giveBack(a);
    assertSame(a, buffers.take(12));
    assertNotSame(a, buffers.take(12), "taken once, it is no longer free");
  }

  @Test
  void anArrayOfAnotherSizeIsDroppedNotHandedOut() {
    buffers.giveBack(new byte[12]);
    byte[] b = buffers.take(27);
    assertEquals(27, b.length);
    assertEquals(0, buffers.kept());
  }

  @Test
  void anArrayGivenBackTwiceIsKeptOnceSoNoTwoFramesShareIt() {
    byte[] a = new byte[12];
    buffers.giveBack(a);
    buffers.giveBack(a);
    assertEquals(1, buffers.kept());
    assertSame(a, buffers.take(12));
    assertNotSame(a, buffers.take(12));
  }

  @Test
  void atMostAFewArraysAreKept() {
    for (int i = 0; i < 3 * FrameBuffers.KEPT; i++) {
      buffers.giveBack(new byte[12]);
    }
    assertEquals(FrameBuffers.KEPT, buffers.kept());
  }
}

package org.expressionmirror.display.swt.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import org.expressionmirror.api.Frame;
import org.junit.jupiter.api.Test;

class FrameCopiesTest {
  private final FrameCopies copies = new FrameCopies();

  private static Frame frame(long index, int value) {
    byte[] bgr = new byte[4 * 2 * 3];
    Arrays.fill(bgr, (byte) value);
    return new Frame(index, index * 10.0, 4, 2, bgr, "a.png");
  }

  @Test
  void aCopyKeepsThePixelsWhenThePipelineReusesTheLentArray() {
    Frame lent = frame(7, 1);
    Frame copy = copies.copy(lent);
    Arrays.fill(lent.bgr(), (byte) 9); // the source decodes a later frame into it
    assertArrayEquals(frame(7, 1).bgr(), copy.bgr());
    assertEquals(7, copy.index());
    assertEquals(70.0, copy.timeMs());
    assertEquals("a.png", copy.name());
  }

  @Test
  void anArrayGivenBackIsCopiedIntoForALaterFrameButNotTwiceAtOnce() {
    Frame first = copies.copy(frame(1, 1));
    copies.giveBack(first);
    copies.giveBack(first);
    Frame second = copies.copy(frame(2, 2));
    assertSame(first.bgr(), second.bgr());
    assertArrayEquals(frame(2, 2).bgr(), second.bgr());
    assertNotSame(second.bgr(), copies.copy(frame(3, 3)).bgr());
  }
}

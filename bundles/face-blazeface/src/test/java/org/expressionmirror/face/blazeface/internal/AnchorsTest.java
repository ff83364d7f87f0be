package org.expressionmirror.face.blazeface.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AnchorsTest {
  @Test
  void front128HasAFineAndACoarseGridWithStrides8And16() {
    Anchors a = Anchors.of(128, 512, 384);
    assertEquals(896, a.count());
    assertCentre(a, 0, 4, 4);
    assertCentre(a, 1, 4, 4); // two anchors per cell share the centre
    assertCentre(a, 2, 12, 4); // next column
    assertCentre(a, 32, 4, 12); // next row: 16 cells x 2 anchors
    assertCentre(a, 511, 124, 124);
    assertCentre(a, 512, 8, 8); // coarse grid starts
    assertCentre(a, 517, 8, 8); // six anchors per cell
    assertCentre(a, 518, 24, 8);
    assertCentre(a, 895, 120, 120);
  }

  @Test
  void back256HasTheSameGridsWithStrides16And32() {
    Anchors a = Anchors.of(256, 512, 384);
    assertEquals(896, a.count());
    assertCentre(a, 0, 8, 8);
    assertCentre(a, 511, 248, 248);
    assertCentre(a, 512, 16, 16);
    assertCentre(a, 895, 240, 240);
  }

  @Test
  void headsThatAreNoSquareGridAreRejected() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Anchors.of(128, 500, 384));
    assertTrue(e.getMessage().contains("a head of 500 anchors"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Anchors.of(128, 512));
    assertThrows(IllegalArgumentException.class, () -> Anchors.of(100, 512, 384));
  }

  private static void assertCentre(Anchors a, int i, float x, float y) {
    assertEquals(x, a.x(i), 1e-4, "x of anchor " + i);
    assertEquals(y, a.y(i), 1e-4, "y of anchor " + i);
  }
}

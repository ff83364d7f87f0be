package org.expressionmirror.display.swt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.eclipse.swt.graphics.Rectangle;
import org.junit.jupiter.api.Test;

/** Panels of faces close together do not hide each other's numbers. */
class PanelLayoutTest {
  private static final Rectangle AREA = new Rectangle(0, 0, 800, 600);
  private static final int W = FacePainter.PANEL_WIDTH;
  private static final int H = 3 * FacePainter.ROW_HEIGHT + FacePainter.PAD;

  @Test
  void aFaceAloneGetsThePlaceItAlwaysHad() {
    Rectangle box = new Rectangle(100, 100, 120, 120);
    PanelLayout layout = new PanelLayout(AREA, List.of(box));
    assertEquals(FacePainter.panelBounds(box, AREA, W, H), layout.place(box, W, H));
  }

  /** A small image (a 320x240 frame shown small): the panel reaches past it beside the face, as always. */
  @Test
  void aFaceAloneInAnImageNarrowerThanItsPanelKeepsItBesideTheFace() {
    Rectangle small = new Rectangle(0, 0, 320, 240);
    Rectangle box = new Rectangle(120, 60, 80, 80);
    PanelLayout layout = new PanelLayout(small, List.of(box));
    Rectangle panel = layout.place(box, W, H);
    assertEquals(FacePainter.panelBounds(box, small, W, H), panel);
    assertEquals(box.x + box.width + FacePainter.GAP, panel.x, "right of the face");
  }

  /** Two people side by side: the left one's panel would lie over the right one. */
  @Test
  void twoFacesSideBySideGetPanelsThatCoverNeitherPanelNorFace() {
    Rectangle main = new Rectangle(380, 150, 160, 160);
    Rectangle other = new Rectangle(200, 170, 140, 140);
    PanelLayout layout = new PanelLayout(AREA, List.of(main, other));
    Rectangle mainPanel = layout.place(main, W, H);
    Rectangle otherPanel = layout.place(other, W, H);
    assertEquals(FacePainter.panelBounds(main, AREA, W, H), mainPanel, "the main face keeps its place");
    assertFalse(otherPanel.intersects(mainPanel), otherPanel + " over " + mainPanel);
    assertFalse(otherPanel.intersects(main), otherPanel + " over the main face " + main);
    assertTrue(AREA.contains(otherPanel.x, otherPanel.y)
        && AREA.contains(otherPanel.x + otherPanel.width - 1, otherPanel.y + otherPanel.height - 1));
  }

  @Test
  void withNoFreePlaceAPanelGoesWhereItWouldAlone() {
    Rectangle small = new Rectangle(0, 0, 300, 120);
    Rectangle a = new Rectangle(20, 20, 60, 60);
    Rectangle b = new Rectangle(90, 20, 60, 60);
    PanelLayout layout = new PanelLayout(small, List.of(a, b));
    layout.place(a, W, H);
    assertEquals(FacePainter.panelBounds(b, small, W, H), layout.place(b, W, H));
  }
}

package org.expressionmirror.display.swt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eclipse.swt.graphics.Rectangle;
import org.expressionmirror.api.Box;
import org.junit.jupiter.api.Test;

class ViewTransformTest {
  @Test
  void frameIsFittedAndCentredKeepingItsAspect() {
    ViewTransform t = ViewTransform.fit(640, 480, new Rectangle(0, 26, 1000, 480), false);
    assertEquals(new Rectangle(180, 26, 640, 480), t.imageArea());
    t = ViewTransform.fit(640, 480, new Rectangle(0, 0, 320, 1000), false);
    assertEquals(new Rectangle(0, 380, 320, 240), t.imageArea());
  }

  @Test
  void boxesAreScaledAndFlippedWithTheImage() {
    Rectangle area = new Rectangle(10, 20, 320, 240);
    Box box = new Box(100, 40, 60, 80);
    assertEquals(
        new Rectangle(60, 40, 30, 40), ViewTransform.fit(640, 480, area, false).toView(box));
    // Mirrored: x' = 640 - 100 - 60 = 480, so 10 + 240.
    assertEquals(
        new Rectangle(250, 40, 30, 40), ViewTransform.fit(640, 480, area, true).toView(box));
  }
}

package org.expressionmirror.display.swt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Optional;
import org.expressionmirror.api.Box;
import org.expressionmirror.api.FaceResult;
import org.junit.jupiter.api.Test;

/** Overlapping panels: the main face's readings are painted last, on top of its neighbours'. */
class FacePainterOrderTest {

  @Test
  void theMainFaceIsPaintedLastAndTheOthersKeepTheirOrder() {
    FaceResult main = face(1, 100);
    FaceResult left = face(2, 40);
    FaceResult right = face(3, 50);
    List<FaceResult> faces = List.of(main, left, right);

    List<FaceResult> order = FacePainter.mainLast(faces, Box.largestOf(faces, FaceResult::box));

    assertEquals(List.of(left, right, main), order);
    assertSame(main, order.get(order.size() - 1));
  }

  @Test
  void withoutFacesThereIsNothingToReorder() {
    assertEquals(List.of(), FacePainter.mainLast(List.of(), Optional.empty()));
  }

  private static FaceResult face(int track, int size) {
    return new FaceResult(track, new Box(track * 10, 0, size, size), null, null);
  }
}

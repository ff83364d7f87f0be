package org.expressionmirror.face.blazeface.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.expressionmirror.api.Box;
import org.expressionmirror.api.Face;
import org.junit.jupiter.api.Test;

class LetterboxTest {
  @Test
  void landscapeIsPaddedAboveAndBelow() {
    Letterbox l = Letterbox.of(1920, 1280, 128);
    assertEquals(128, l.scaledWidth());
    assertEquals(85, l.scaledHeight());
    assertEquals(0, l.padX());
    assertEquals(21, l.padY());
  }

  @Test
  void portraitIsPaddedLeftAndRight() {
    Letterbox l = Letterbox.of(360, 640, 256);
    assertEquals(144, l.scaledWidth());
    assertEquals(256, l.scaledHeight());
    assertEquals(56, l.padX());
    assertEquals(0, l.padY());
  }

  @Test
  void pointsRoundTripThroughTheInput() {
    for (Letterbox l :
        List.of(
            Letterbox.of(1920, 1280, 128),
            Letterbox.of(360, 640, 256),
            Letterbox.of(77, 77, 128))) {
      for (double v : new double[] {0, 13.5, 76, 359}) {
        assertEquals(v, l.toSourceX(l.toInputX(v)), 1e-9, l + " x " + v);
        assertEquals(v, l.toSourceY(l.toInputY(v)), 1e-9, l + " y " + v);
      }
    }
  }

  @Test
  void aBoxMappedToTheInputAndBackIsTheSameBox() {
    Letterbox l = Letterbox.of(640, 360, 128);
    Box source = new Box(100, 60, 80, 90);
    float cx = (float) l.toInputX(source.x() + source.width() / 2.0);
    float cy = (float) l.toInputY(source.y() + source.height() / 2.0);
    float w = (float) (l.toInputX(source.x() + source.width()) - l.toInputX(source.x()));
    float h = (float) (l.toInputY(source.y() + source.height()) - l.toInputY(source.y()));
    assertEquals(source, BlazeFaceDetector.toSource(Detection.box(0.9f, cx, cy, w, h), l));
  }

  @Test
  void boxesInThePaddingAreClippedToTheImageOrDropped() {
    Letterbox l = Letterbox.of(640, 360, 128); // 128x72, 28 rows of padding above
    // Straddles the top edge of the image: kept, cut at y = 0.
    Detection top = Detection.box(0.9f, 64, 28, 20, 20);
    // Entirely inside the padding: no face.
    Detection pad = Detection.box(0.8f, 64, 10, 10, 10);
    List<Face> faces = BlazeFaceDetector.toFaces(List.of(top, pad), l);
    assertEquals(1, faces.size());
    Box b = faces.get(0).box();
    assertEquals(0, b.y());
    assertEquals(50, b.height()); // 10 input rows below the edge, 5 source px each
    assertEquals(6, faces.get(0).keypoints().size());
  }
}

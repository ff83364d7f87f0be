package org.expressionmirror.pipeline.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.expressionmirror.api.Box;
import org.expressionmirror.api.Face;
import org.junit.jupiter.api.Test;

class FaceTrackerTest {
  private final FaceTracker tracker = new FaceTracker();

  private static Face face(int x, int y) {
    return new Face(new Box(x, y, 100, 100), 1);
  }

  private int[] ids(List<Face> faces, double t) {
    return tracker.assign(faces, t, 0.3, 1000).stream().mapToInt(tr -> tr.id).toArray();
  }

  @Test
  void aMovingFaceKeepsItsTrack() {
    int first = ids(List.of(face(0, 0)), 0)[0];
    assertEquals(first, ids(List.of(face(10, 5)), 33)[0]);
    assertEquals(first, ids(List.of(face(20, 10)), 66)[0]);
  }

  @Test
  void twoFacesKeepTheirTracksWhenTheListOrderChanges() {
    int[] a = ids(List.of(face(0, 0), face(300, 0)), 0);
    int[] b = ids(List.of(face(305, 0), face(5, 0)), 33);
    assertEquals(a[0], b[1]);
    assertEquals(a[1], b[0]);
  }

  @Test
  void aFaceThatJumpsFarGetsANewTrack() {
    int first = ids(List.of(face(0, 0)), 0)[0];
    assertNotEquals(first, ids(List.of(face(500, 0)), 33)[0]);
  }

  @Test
  void aTrackMissingLongerThanTheTimeoutIsForgotten() {
    int first = ids(List.of(face(0, 0)), 0)[0];
    ids(List.of(), 500);
    assertEquals(1, tracker.size());
    assertEquals(first, ids(List.of(face(0, 0)), 900)[0]);
    ids(List.of(), 2000);
    assertEquals(0, tracker.size());
    assertNotEquals(first, ids(List.of(face(0, 0)), 2100)[0]);
  }
}

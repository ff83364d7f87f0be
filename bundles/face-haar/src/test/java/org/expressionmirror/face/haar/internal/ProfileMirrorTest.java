package org.expressionmirror.face.haar.internal;

import static org.expressionmirror.face.haar.internal.TestDetectors.photo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.expressionmirror.api.Box;
import org.expressionmirror.api.Face;
import org.expressionmirror.api.Frame;
import org.junit.jupiter.api.Test;

/** The profile detector also runs on the mirror image and maps those boxes back. */
class ProfileMirrorTest {
  @Test
  void aBoxOfTheMirrorImageMapsBackToTheOtherSide() {
    Box mirrored = new Box(10, 20, 30, 40);
    assertEquals(new Box(60, 20, 30, 40), Mirror.back(mirrored, 100));
    assertEquals(mirrored, Mirror.back(Mirror.back(mirrored, 100), 100));
  }

  @Test
  void aFaceFoundBothWaysCountsOnce() {
    Box direct = new Box(100, 100, 50, 50);
    Box sameFace = new Box(104, 98, 50, 50);
    Box other = new Box(300, 100, 50, 50);
    assertEquals(List.of(direct, other), Mirror.merge(List.of(direct), List.of(sameFace, other)));
  }

  @Test
  void theProfileDetectorSeesAPhotoAndItsMirrorImageAlike() {
    CascadeDetector profile = TestDetectors.detector(Cascade.PROFILE);
    Frame frame = photo("sample6.jpg");
    List<Face> direct = profile.detect(frame);
    List<Face> ofMirror = profile.detect(photo("sample6.jpg", true));
    assertTrue(direct.size() >= 2, "profile faces on sample6: " + direct);
    assertEquals(direct.size(), ofMirror.size(), direct + " vs " + ofMirror);
    for (Face f : ofMirror) {
      Box back = Mirror.back(f.box(), frame.width());
      double best = direct.stream().mapToDouble(d -> d.box().iou(back)).max().orElse(0);
      assertTrue(best > 0.9, back + " has no twin in " + direct + " (IoU " + best + ")");
    }
  }

  @Test
  void theMirrorFindsFacesTurnedTheOtherWay() throws java.io.IOException {
    HaarSettings settings = HaarSettings.of(TestDetectors.defaults(), "test");
    HaarCascade cascade = HaarCascade.load(Cascade.PROFILE);
    CascadeDetector profile = TestDetectors.detector(Cascade.PROFILE);
    int oneWay = 0;
    int bothWays = 0;
    for (String name : TestDetectors.PHOTOS) {
      Frame frame = photo(name);
      oneWay += cascade.detect(frame, settings, false).size();
      bothWays += profile.detect(frame).size();
    }
    assertTrue(bothWays > oneWay, "with the mirror " + bothWays + ", without " + oneWay);
  }
}

package org.expressionmirror.face.blazeface.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OrtEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.expressionmirror.api.Box;
import org.expressionmirror.api.Face;
import org.expressionmirror.api.Frame;
import org.expressionmirror.api.Keypoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opencv.core.Rect;

/** Both real models on real photos, through the same code path the components use. */
class BlazeFaceDetectorTest {
  /** About a third of a face in these 1920 px photos: a box on a neighbour is 300+ px away. */
  private static final double CENTRE_TOLERANCE = 70;

  private static BlazeFaceDetector front;
  private static BlazeFaceDetector back;

  @BeforeAll
  static void load() {
    nu.pattern.OpenCV.loadLocally();
    front = detector(Variant.FRONT_128);
    // Below the default (0.7) so the face looking down in sample2 (about 0.6) counts too.
    back = detector(Variant.BACK_256);
    back.update(new Settings(0.5f, 0.5f, 0.3f, true, 10));
  }

  @AfterAll
  static void close() {
    front.close();
    back.close();
  }

  static Stream<Photos.Photo> groupPhotos() {
    return Photos.GROUP_PHOTOS.stream();
  }

  @ParameterizedTest
  @MethodSource("groupPhotos")
  void backModelFindsEveryFaceOfAGroupPhotoAndNothingElse(Photos.Photo photo) {
    Frame frame = Photos.frame(photo.name());
    List<Face> faces = back.detect(frame);
    assertEquals(photo.faces().size(), faces.size(), "faces in " + photo + ": " + faces);
    List<Face> unmatched = new ArrayList<>(faces);
    for (int[] centre : photo.faces()) {
      Face face = nearest(unmatched, centre);
      unmatched.remove(face);
      assertCentredOn(centre, face, photo.name());
      assertFaceSized(face.box(), 100, 400, photo.name());
      assertTrue(face.score() >= 0.5 && face.score() <= 1, "score " + face.score());
      assertLandmarksLookLikeAFace(face, photo.name());
    }
  }

  @Test
  void backModelWithItsDefaultThresholdMissesOnlyTheFaceLookingDownAndFindsNothingElse() {
    BlazeFaceDetector d = detector(Variant.BACK_256);
    try {
      int found = 0;
      int expected = 0;
      for (Photos.Photo photo : Photos.GROUP_PHOTOS) {
        for (Face face : d.detect(Photos.frame(photo.name()))) {
          int[] centre = nearestCentre(photo.faces(), face.box());
          assertCentredOn(centre, face, photo.name());
          assertTrue(face.score() > 0.7, face.toString());
          found++;
        }
        expected += photo.faces().size();
      }
      assertEquals(22, expected);
      assertTrue(found >= 21, found + " of 22 faces");
    } finally {
      d.close();
    }
  }

  static Stream<int[]> faceCentres() {
    List<int[]> cases = new ArrayList<>();
    for (int p = 0; p < Photos.GROUP_PHOTOS.size(); p++) {
      for (int f = 0; f < Photos.GROUP_PHOTOS.get(p).faces().size(); f++) {
        cases.add(new int[] {p, f});
      }
    }
    return cases.stream();
  }

  /**
   * The front model is made for faces at selfie distance, which the group photos are not; cut
   * around each face (portrait 600x800, so the letterbox pads left and right) it finds that face.
   */
  @ParameterizedTest
  @MethodSource("faceCentres")
  void frontModelFindsTheFaceInACloseUpCutOfAGroupPhoto(int[] which) {
    Photos.Photo photo = Photos.GROUP_PHOTOS.get(which[0]);
    int[] centre = photo.faces().get(which[1]);
    Frame full = Photos.frame(photo.name());
    Box cut = new Box(centre[0] - 300, centre[1] - 400, 600, 800).clip(full.width(), full.height());
    Frame frame = Photos.crop(photo.name(), new Rect(cut.x(), cut.y(), cut.width(), cut.height()));
    List<Face> faces = front.detect(frame);
    int[] local = {centre[0] - cut.x(), centre[1] - cut.y()};
    Face face = nearest(faces, local);
    String where = photo.name() + " around " + centre[0] + "," + centre[1] + ": " + faces;
    assertCentredOn(local, face, where);
    assertFaceSized(face.box(), 100, 450, where);
    assertTrue(face.score() >= 0.75, where);
  }

  @Test
  void imagesWithoutFacesGiveNone() {
    for (Frame frame : List.of(gradient(640, 480), noise(640, 480, 1), noise(1280, 720, 2))) {
      assertEquals(List.of(), front.detect(frame), "front on " + frame);
      assertEquals(List.of(), back.detect(frame), "back on " + frame);
    }
  }

  @Test
  void aHigherThresholdTakesEffectOnTheNextFrame() {
    BlazeFaceDetector d = detector(Variant.BACK_256);
    try {
      Frame frame = Photos.frame("sample5.jpg");
      assertEquals(5, d.detect(frame).size());
      d.update(new Settings(0.9f, 0.9f, 0.3f, true, 10));
      List<Face> strong = d.detect(frame);
      assertTrue(strong.size() < 5 && !strong.isEmpty(), "faces above 0.9: " + strong);
      strong.forEach(f -> assertTrue(f.score() > 0.9, f.toString()));
      d.update(new Settings(0.5f, 0.5f, 0.3f, true, 2));
      assertEquals(2, d.detect(frame).size());
    } finally {
      d.close();
    }
  }

  @Test
  void aRegionAroundAFaceFoundBeforeIsReadWithTheRegionThreshold() {
    BlazeFaceDetector d = detector(Variant.BACK_256);
    try {
      Frame frame = Photos.frame("sample5.jpg");
      d.update(new Settings(0.9f, 0.5f, 0.3f, true, 10));
      List<Face> strong = d.detect(frame);
      List<Face> near = d.detectNear(frame);
      assertTrue(strong.size() < near.size(), "0.9: " + strong + ", region 0.5: " + near);
      assertEquals(5, near.size(), "faces above the region threshold: " + near);
      assertTrue(near.stream().anyMatch(f -> f.score() < 0.9), "a face between the thresholds: " + near);
      // the settings stay as they were: the whole frame still has its own threshold
      assertEquals(strong.size(), d.detect(frame).size());
    } finally {
      d.close();
    }
  }

  @Test
  void aClosedDetectorRefusesToDetect() {
    BlazeFaceDetector d = detector(Variant.FRONT_128);
    d.close();
    d.close(); // idempotent
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> d.detect(gradient(64, 64)));
    assertEquals("blazeface detector is closed", e.getMessage());
  }

  @Test
  void aBrokenModelFileIsRejectedWithItsName() {
    byte[] broken = new byte[] {8, 7, 0, 1, 2, 3};
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new BlazeFaceDetector(
                    Variant.FRONT_128,
                    OrtEnvironment.getEnvironment(),
                    broken,
                    new Settings(0.75f, 0.6f, 0.3f, true, 10)));
    assertTrue(
        e.getMessage()
            .startsWith("BlazeFace model blazeface/face_detection_front_128x128_barracuda.onnx"),
        e.getMessage());
  }

  @Test
  void bothModelsReportTheirInputSize() {
    assertEquals(128, front.inputSize());
    assertEquals(256, back.inputSize());
  }

  private static BlazeFaceDetector detector(Variant v) {
    Map<String, Object> none = Map.of();
    return new BlazeFaceDetector(
        v,
        OrtEnvironment.getEnvironment(),
        BlazeFaceDetector.readModel(v),
        Settings.from(v, TestConfigs.of(none), none));
  }

  private static Face nearest(List<Face> faces, int[] centre) {
    return faces.stream()
        .min((a, b) -> Double.compare(distance(a.box(), centre), distance(b.box(), centre)))
        .orElseThrow(() -> new AssertionError("no face near " + centre[0] + "," + centre[1]));
  }

  private static int[] nearestCentre(List<int[]> centres, Box box) {
    return centres.stream()
        .min((a, b) -> Double.compare(distance(box, a), distance(box, b)))
        .orElseThrow();
  }

  private static double distance(Box box, int[] centre) {
    return Math.hypot(
        box.x() + box.width() / 2.0 - centre[0], box.y() + box.height() / 2.0 - centre[1]);
  }

  private static void assertCentredOn(int[] centre, Face face, String where) {
    double d = distance(face.box(), centre);
    assertTrue(
        d <= CENTRE_TOLERANCE,
        where
            + ": face "
            + face.box()
            + " is "
            + Math.round(d)
            + " px from "
            + centre[0]
            + ","
            + centre[1]);
  }

  /** Face-sized: within the size range a face has in these photos, and roughly square. */
  private static void assertFaceSized(Box box, int min, int max, String where) {
    assertTrue(box.width() >= min && box.width() <= max, where + ": width of " + box);
    double aspect = box.width() / (double) box.height();
    assertTrue(aspect > 0.75 && aspect < 1.33, where + ": aspect of " + box);
  }

  /** Eyes above the mouth, and eyes, nose and mouth inside the box. */
  private static void assertLandmarksLookLikeAFace(Face face, String where) {
    List<Keypoint> k = face.keypoints();
    assertEquals(6, k.size());
    float mouthY = k.get(3).y();
    assertTrue(k.get(0).y() < mouthY && k.get(1).y() < mouthY, where + ": eyes below mouth " + k);
    Box b = face.box();
    for (int i = 0; i < 4; i++) {
      Keypoint p = k.get(i);
      assertTrue(
          p.x() >= b.x()
              && p.x() <= b.x() + b.width()
              && p.y() >= b.y()
              && p.y() <= b.y() + b.height(),
          where + ": keypoint " + i + " " + p + " outside " + b);
    }
  }

  private static Frame gradient(int w, int h) {
    byte[] bgr = new byte[w * h * 3];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int at = (y * w + x) * 3;
        bgr[at] = (byte) (255 * x / w);
        bgr[at + 1] = (byte) (255 * y / h);
        bgr[at + 2] = (byte) (128 + 127 * (x + y) / (w + h));
      }
    }
    return new Frame(0, 0, w, h, bgr);
  }

  private static Frame noise(int w, int h, long seed) {
    byte[] bgr = new byte[w * h * 3];
    new Random(seed).nextBytes(bgr);
    return new Frame(0, 0, w, h, bgr);
  }
}

package org.expressionmirror.pipeline.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.expressionmirror.api.Box;
import org.expressionmirror.api.Face;
import org.expressionmirror.api.FaceDetector;
import org.expressionmirror.api.FaceResult;
import org.expressionmirror.api.Frame;
import org.expressionmirror.api.FrameResult;
import org.junit.jupiter.api.Test;

/**
 * Region passes over frames with a bright square that moves: the detector finds the square by its
 * pixels, so a pass over a region must crop the right pixels and put the box back in frame
 * coordinates.
 */
class RegionPassTest {
  private static final int W = 320;
  private static final int H = 240;
  private static final int SIDE = 40;

  /** Finds the bounding box of the bright pixels, and remembers the size of each image it saw. */
  private static final class BrightSquare implements FaceDetector {
    final List<String> seen = new ArrayList<>();
    /** Calls that said the image is a region around a face found before. */
    int near;

    @Override
    public List<Face> detectNear(Frame region) {
      near++;
      return detect(region);
    }

    @Override
    public List<Face> detect(Frame f) {
      seen.add(f.width() + "x" + f.height());
      int x0 = f.width(), y0 = f.height(), x1 = -1, y1 = -1;
      for (int y = 0; y < f.height(); y++) {
        for (int x = 0; x < f.width(); x++) {
          if ((f.bgr()[(y * f.width() + x) * 3] & 0xff) > 128) {
            x0 = Math.min(x0, x);
            y0 = Math.min(y0, y);
            x1 = Math.max(x1, x);
            y1 = Math.max(y1, y);
          }
        }
      }
      return x1 < 0 ? List.of() : List.of(new Face(new Box(x0, y0, x1 - x0 + 1, y1 - y0 + 1), 1));
    }
  }

  private static Frame square(int index, int x, int y) {
    byte[] bgr = new byte[W * H * 3];
    for (int r = y; r < y + SIDE; r++) {
      for (int c = x; c < x + SIDE; c++) {
        bgr[(r * W + c) * 3] = (byte) 255;
      }
    }
    return new Frame(index, index * 33.3, W, H, bgr);
  }

  @Test
  void betweenFullPassesOnlyTheRegionAroundTheLastFaceIsScannedAndTheBoxIsInFramePixels() {
    BrightSquare detector = new BrightSquare();
    RegionPass regions = new RegionPass();
    List<String> passes = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      RegionPass.Found found = regions.detect(detector, square(i, 100 + 3 * i, 60 + 2 * i), 4);
      passes.add(found.pass());
      assertEquals(List.of(new Box(100 + 3 * i, 60 + 2 * i, SIDE, SIDE)), found.faces().stream().map(Face::box).toList());
    }
    String full = FaceResult.FULL_PASS;
    String region = FaceResult.REGION_PASS;
    assertEquals(List.of(full, region, region, region, full, region, region, region), passes);
    // a region is the last box grown twice about its centre: 80x80 instead of the whole 320x240
    assertEquals(List.of("320x240", "80x80", "80x80", "80x80", "320x240", "80x80", "80x80", "80x80"), detector.seen);
    // each region pass tells the detector so (BlazeFace then reads it with its region threshold)
    assertEquals(6, detector.near);
  }

  @Test
  void aFaceLostFromItsRegionIsLookedForInTheWholeFrameAtOnce() {
    BrightSquare detector = new BrightSquare();
    RegionPass regions = new RegionPass();
    regions.detect(detector, square(0, 20, 20), 3);
    // the face jumps out of its region: the region pass misses it, a full pass of the same frame
    // finds it, and the next 3 (fullPassEvery) passes are full ones before regions are tried again
    List<String> passes = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      RegionPass.Found found = regions.detect(detector, square(i, 250, 180), 3);
      passes.add(found.pass());
      assertEquals(List.of(new Box(250, 180, SIDE, SIDE)), found.faces().stream().map(Face::box).toList());
    }
    String full = FaceResult.FULL_PASS;
    assertEquals(List.of(full, full, full, FaceResult.REGION_PASS, FaceResult.REGION_PASS), passes);
    assertEquals(List.of("320x240", "80x80", "320x240", "320x240", "320x240", "80x80", "80x80"), detector.seen);
  }

  @Test
  void aPartnerDoesTheRegionPassesAndItsFacesSaySo() {
    BrightSquare detector = new BrightSquare();
    BrightSquare partner = new BrightSquare();
    RegionPass regions = new RegionPass();
    List<String> passes = new ArrayList<>();
    List<String> foundBy = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      RegionPass.Found found = regions.detect(detector, partner, "cheap", square(i, 100 + 3 * i, 60), 3, 1);
      passes.add(found.pass());
      foundBy.add(found.faces().get(0).foundBy());
      assertEquals(List.of(new Box(100 + 3 * i, 60, SIDE, SIDE)), found.faces().stream().map(Face::box).toList());
    }
    String full = FaceResult.FULL_PASS;
    String region = FaceResult.REGION_PASS;
    assertEquals(List.of(full, region, region, full), passes);
    assertEquals(List.of("", "cheap", "cheap", ""), foundBy);
    assertEquals(List.of("320x240", "320x240"), detector.seen);
    assertEquals(List.of("80x80", "80x80"), partner.seen);
  }

  @Test
  void imagesOfAFolderAreUnrelatedSoEachIsScannedWhole() {
    BrightSquare detector = new BrightSquare();
    RegionPass regions = new RegionPass();
    RegionPass.Found first = regions.detect(detector, square(0, 20, 20).named("a.jpg"), 10);
    RegionPass.Found second = regions.detect(detector, square(1, 250, 180).named("b.jpg"), 10);
    assertEquals(FaceResult.FULL_PASS, first.pass());
    assertEquals(FaceResult.FULL_PASS, second.pass());
    assertEquals(List.of(new Box(250, 180, SIDE, SIDE)), second.faces().stream().map(Face::box).toList());
  }

  @Test
  void fullPassEveryOneScansTheWholeFrameEachTime() {
    BrightSquare detector = new BrightSquare();
    RegionPass regions = new RegionPass();
    for (int i = 0; i < 3; i++) {
      assertEquals(FaceResult.FULL_PASS, regions.detect(detector, square(i, 100, 100), 1).pass());
    }
    assertEquals(List.of("320x240", "320x240", "320x240"), detector.seen);
  }

  @Test
  void regionsThatKeepMissingAFaceAreTriedAfterTwoThenFourThenEightWholeFrames() {
    BrightSquare detector = new BrightSquare();
    List<Long> tried = new ArrayList<>();
    // a partner that never finds the face (as the 128-pixel model misses a small, blurred one)
    FaceDetector blind = f -> {
      tried.add(f.index());
      return List.of();
    };
    RegionPass regions = new RegionPass();
    for (int i = 0; i < 24; i++) {
      RegionPass.Found found = regions.detect(detector, blind, "front", square(i, 100, 100), 20, 1);
      // the face is never lost: a miss is followed by a whole-frame pass of the same frame
      assertEquals(FaceResult.FULL_PASS, found.pass());
      assertEquals(List.of(new Box(100, 100, SIDE, SIDE)), found.faces().stream().map(Face::box).toList());
    }
    assertEquals(List.of(1L, 4L, 9L, 18L), tried);
  }

  /** Finds each run of columns holding bright pixels as one face (squares side by side). */
  private static final class BrightColumns implements FaceDetector {
    final List<String> seen = new ArrayList<>();

    @Override
    public List<Face> detect(Frame f) {
      seen.add(f.width() + "x" + f.height());
      List<Face> faces = new ArrayList<>();
      int start = -1, y0 = f.height(), y1 = -1;
      for (int x = 0; x <= f.width(); x++) {
        boolean bright = false;
        for (int y = 0; x < f.width() && y < f.height(); y++) {
          if ((f.bgr()[(y * f.width() + x) * 3] & 0xff) > 128) {
            bright = true;
            y0 = Math.min(y0, y);
            y1 = Math.max(y1, y);
          }
        }
        if (bright && start < 0) {
          start = x;
        } else if (!bright && start >= 0) {
          faces.add(new Face(new Box(start, y0, x - start, y1 - y0 + 1), 1));
          start = -1;
          y0 = f.height();
          y1 = -1;
        }
      }
      return faces;
    }
  }

  /** Squares at the given x positions, all at row 100. */
  private static Frame squares(int index, int... xs) {
    byte[] bgr = new byte[W * H * 3];
    for (int x : xs) {
      for (int r = 100; r < 100 + SIDE; r++) {
        for (int c = x; c < x + SIDE; c++) {
          bgr[(r * W + c) * 3] = (byte) 255;
        }
      }
    }
    return new Frame(index, index * 33.3, W, H, bgr);
  }

  @Test
  void aFaceThatLeavesWhileAnotherStaysCostsOneWholeFramePassNotTen() {
    BrightColumns detector = new BrightColumns();
    RegionPass regions = new RegionPass();
    List<String> passes = new ArrayList<>();
    passes.add(regions.detect(detector, squares(0, 40, 220), 10).pass());
    passes.add(regions.detect(detector, squares(1, 40, 220), 10).pass());
    // the right face leaves: its region finds nothing, the whole frame confirms it, regions go on
    for (int i = 2; i < 5; i++) {
      RegionPass.Found found = regions.detect(detector, squares(i, 40), 10);
      passes.add(found.pass());
      assertEquals(List.of(new Box(40, 100, SIDE, SIDE)), found.faces().stream().map(Face::box).toList());
    }
    String full = FaceResult.FULL_PASS;
    String region = FaceResult.REGION_PASS;
    assertEquals(List.of(full, region, full, region, region), passes);
    assertEquals(List.of("320x240", "80x80", "80x80", "80x80", "80x80", "320x240", "80x80", "80x80"), detector.seen);
  }

  private static Frame empty(int index) {
    return new Frame(index, index * 33.3, W, H, new byte[W * H * 3]);
  }

  @Test
  void afterAWholeFramePassWithoutFacesTheNextIdlePassEveryMinusOneFramesGetNoPass() {
    BrightSquare detector = new BrightSquare();
    RegionPass regions = new RegionPass();
    List<String> passes = new ArrayList<>();
    // nobody in frames 0-4; a face enters at frame 5, between two whole-frame passes
    for (int i = 0; i < 9; i++) {
      Frame f = i < 5 ? empty(i) : square(i, 100, 100);
      RegionPass.Found found = regions.detect(detector, detector, "", f, 10, 3);
      passes.add(found.pass());
      if (found.pass().equals(FrameResult.NO_PASS)) {
        assertEquals(List.of(), found.faces());
      }
    }
    String full = FaceResult.FULL_PASS;
    String none = FrameResult.NO_PASS;
    String region = FaceResult.REGION_PASS;
    // frame 6 is the first pass after the face came: found one frame late, then followed by regions
    assertEquals(List.of(full, none, none, full, none, none, full, region, region), passes);
    assertEquals(List.of("320x240", "320x240", "320x240", "80x80", "80x80"), detector.seen);
  }

  @Test
  void idlePassEveryOneLooksAtEveryFaceLessFrame() {
    BrightSquare detector = new BrightSquare();
    RegionPass regions = new RegionPass();
    for (int i = 0; i < 4; i++) {
      assertEquals(FaceResult.FULL_PASS, regions.detect(detector, detector, "", empty(i), 10, 1).pass());
    }
    assertEquals(4, detector.seen.size());
  }

  @Test
  void aFaceLostFromItsRegionAndFromTheWholeFrameStartsTheIdleInterval() {
    BrightSquare detector = new BrightSquare();
    RegionPass regions = new RegionPass();
    List<String> passes = new ArrayList<>();
    passes.add(regions.detect(detector, detector, "", square(0, 100, 100), 10, 3).pass());
    passes.add(regions.detect(detector, detector, "", square(1, 102, 100), 10, 3).pass());
    // the face leaves: the region misses it and so does the whole frame, at once
    for (int i = 2; i < 6; i++) {
      passes.add(regions.detect(detector, detector, "", empty(i), 10, 3).pass());
    }
    String full = FaceResult.FULL_PASS;
    String none = FrameResult.NO_PASS;
    assertEquals(List.of(full, FaceResult.REGION_PASS, full, none, none, full), passes);
    assertEquals(List.of("320x240", "80x80", "80x80", "320x240", "320x240"), detector.seen);
  }

  @Test
  void aNewDetectorAndTheImagesOfAFolderAreLookedAtEvenWhenIdle() {
    BrightSquare first = new BrightSquare();
    BrightSquare second = new BrightSquare();
    RegionPass regions = new RegionPass();
    assertEquals(FaceResult.FULL_PASS, regions.detect(first, first, "", empty(0), 10, 5).pass());
    assertEquals(FaceResult.FULL_PASS, regions.detect(second, second, "", empty(1), 10, 5).pass());
    assertEquals(FrameResult.NO_PASS, regions.detect(second, second, "", empty(2), 10, 5).pass());
    assertEquals(FaceResult.FULL_PASS, regions.detect(second, second, "", empty(3).named("c.jpg"), 10, 5).pass());
    assertEquals(FaceResult.FULL_PASS, regions.detect(second, second, "", empty(4).named("d.jpg"), 10, 5).pass());
  }

  @Test
  void aRegionAtTheEdgeIsClippedToTheFrame() {
    assertEquals(new Box(0, 0, 47, 60), RegionPass.region(new Box(0, 0, 30, 40), W, H));
  }
}

package org.expressionmirror.pipeline.internal;

import java.util.ArrayList;
import java.util.List;
import org.expressionmirror.api.Box;
import org.expressionmirror.api.Face;
import org.expressionmirror.api.FaceDetector;
import org.expressionmirror.api.FaceResult;
import org.expressionmirror.api.Frame;
import org.expressionmirror.api.FrameResult;
import org.expressionmirror.api.Keypoint;

/**
 * Where the detector looks in the next frame: the whole frame every {@code fullPassEvery} frames,
 * and in between only regions around the faces it found in the frame before. A face moves little
 * from one frame to the next, so scanning a region twice its size finds it again at a fraction of
 * the cost of the whole frame. A region pass that loses a face is followed at once, in the same
 * frame, by a whole-frame pass (the face may have moved fast, or the region's detector missed it:
 * either way the frame does not lose it). When that whole-frame pass finds a face the regions
 * missed, so are the passes of the next 2 frames, then 4, 8, ... while the regions keep missing it
 * (at most {@code fullPassEvery - 1}): where regions miss (a small or turned face), a region pass
 * and a whole-frame pass every frame would cost more than the whole frame alone, and a passing
 * miss should not cost {@code fullPassEvery - 1} whole-frame passes; when the whole frame confirms that the face is
 * gone, regions go on at once. A new detector and a
 * frame without faces make the next pass a whole-frame one, so a face that enters waits at most
 * {@code fullPassEvery} frames; the images of a folder are each looked at whole. A detector may
 * name a cheaper partner for the region passes (service property {@value #PARTNER}, e.g.
 * BlazeFace's 256-pixel back model names the 128-pixel front model, which is made for a face that
 * fills much of its image, as a face does in its region): its faces say so in {@code foundBy}.
 * Regions are read with {@link FaceDetector#detectNear}: a face was there a frame ago, so a
 * detector may accept weaker evidence there (BlazeFace's {@code regionScoreThreshold}), and a
 * face the regions keep finding costs no whole-frame passes.
 * When a whole-frame pass finds no face, the next one comes {@code idlePassEvery} frames later and
 * the frames in between get no pass at all ({@link FrameResult#NO_PASS}): a third of a typical
 * video has nobody in it, and a whole-frame pass is the detector's dearest; 6 (the default) finds a face
 * that enters within 200 ms at 30 frames a second. A new detector and the images of a folder get their
 * pass at once. Kept by the detect stage alone.
 */
final class RegionPass {
  /** A region is the face's box grown by this factor about its centre. */
  private static final double GROW = 2.0;
  /** The smallest region side in pixels: a tiny box still gets room around it. */
  private static final int MIN_SIDE = 64;
  /** Two faces overlapping this much (two regions found the same face) are one. */
  private static final double SAME_FACE_IOU = 0.5;

  /** Service property of a detector: the id of the detector that does its region passes. */
  static final String PARTNER = "detector.region";

  private List<Box> last = List.of();
  private Object lastDetector;
  private int sinceFull;
  /** Whole-frame passes still to make after a region pass lost a face. */
  private int fullFor;
  /** Region attempts in a row that missed a face the whole frame still had. */
  private int misses;
  /** Frames still to skip after a whole-frame pass found no face. */
  private int idleFor;

  /** The faces the detector finds, and which kind of pass found them. */
  record Found(List<Face> faces, String pass) {}

  /** Detects faces in {@code frame}; {@code fullPassEvery} 1 makes every pass a whole-frame one. */
  Found detect(FaceDetector detector, Frame frame, int fullPassEvery) {
    return detect(detector, detector, "", frame, fullPassEvery, 1);
  }

  /**
   * As {@link #detect(FaceDetector, Frame, int)}, with the region passes done by {@code partner}
   * (the detector itself when it has none), whose faces carry {@code partnerId} as {@code foundBy}
   * (empty: as it found them), and after a whole-frame pass without faces the next {@code
   * idlePassEvery - 1} frames skipped.
   */
  Found detect(
      FaceDetector detector, FaceDetector partner, String partnerId, Frame frame, int fullPassEvery, int idlePassEvery) {
    // the images of a folder (frames with a file name) are unrelated: each is looked at whole
    boolean named = !frame.name().isEmpty();
    if (idleFor > 0 && !named && last.isEmpty() && detector == lastDetector) {
      idleFor--;
      return new Found(List.of(), FrameResult.NO_PASS);
    }
    boolean full =
        fullPassEvery <= 1
            || named
            || last.isEmpty()
            || detector != lastDetector
            || sinceFull + 1 >= fullPassEvery
            || fullFor > 0;
    List<Face> faces = full ? List.of() : around(partner, partnerId, frame, last);
    // a face lost from its region may have moved fast or may be gone: the whole frame, now
    int inRegions = faces.size();
    boolean lost = !full && inRegions < last.size();
    if (lost) {
      full = true;
    }
    if (full) {
      faces = detector.detect(frame);
      sinceFull = 0;
      fullFor = Math.max(0, fullFor - 1);
      // the whole frame still has a face its region missed (moving fast, small or turned): the
      // regions cannot be trusted for a while; a face that is gone is no reason to distrust them
      if (lost && faces.size() > inRegions) {
        // 2, 4, 8, ... frames before regions are tried again: a passing miss costs little, a
        // face the regions keep missing costs one region attempt per such wait at most
        fullFor = Math.min(fullPassEvery - 1, 2 << Math.min(misses, 10));
        misses++;
      }
      idleFor = faces.isEmpty() ? idlePassEvery - 1 : 0;
    } else {
      sinceFull++;
      misses = 0;
    }
    lastDetector = detector;
    last = faces.stream().map(Face::box).toList();
    return new Found(faces, full ? FaceResult.FULL_PASS : FaceResult.REGION_PASS);
  }

  /** The next pass looks at the whole frame (its faces were not found by this pass). */
  void reset() {
    last = List.of();
    idleFor = 0;
  }

  private static List<Face> around(FaceDetector detector, String foundBy, Frame frame, List<Box> boxes) {
    List<Face> found = new ArrayList<>(boxes.size());
    for (Box box : boxes) {
      Box region = region(box, frame.width(), frame.height());
      if (region.width() == 0 || region.height() == 0) {
        continue;
      }
      for (Face f : detector.detectNear(crop(frame, region))) {
        Face moved = moved(foundBy.isEmpty() || !f.foundBy().isEmpty() ? f : f.withFoundBy(foundBy), region.x(), region.y());
        if (found.stream().noneMatch(g -> g.box().iou(moved.box()) >= SAME_FACE_IOU)) {
          found.add(moved);
        }
      }
    }
    return found;
  }

  static Box region(Box face, int width, int height) {
    int w = Math.max(MIN_SIDE, (int) Math.round(face.width() * GROW));
    int h = Math.max(MIN_SIDE, (int) Math.round(face.height() * GROW));
    int cx = face.x() + face.width() / 2;
    int cy = face.y() + face.height() / 2;
    return new Box(cx - w / 2, cy - h / 2, w, h).clip(width, height);
  }

  /** The region's pixels as a frame of its own (same index, time and name). */
  static Frame crop(Frame frame, Box r) {
    byte[] out = new byte[r.width() * r.height() * 3];
    int row = r.width() * 3;
    for (int y = 0; y < r.height(); y++) {
      System.arraycopy(frame.bgr(), ((r.y() + y) * frame.width() + r.x()) * 3, out, y * row, row);
    }
    return new Frame(frame.index(), frame.timeMs(), r.width(), r.height(), out, frame.name());
  }

  /** A face found in a region, in the frame's pixels. */
  private static Face moved(Face f, int dx, int dy) {
    Box b = f.box();
    List<Keypoint> points = new ArrayList<>(f.keypoints().size());
    for (Keypoint k : f.keypoints()) {
      points.add(new Keypoint(k.x() + dx, k.y() + dy));
    }
    return new Face(new Box(b.x() + dx, b.y() + dy, b.width(), b.height()), f.score(), points, f.foundBy());
  }
}

package org.expressionmirror.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.List;

/**
 * The second (B) reading of a frame in compare mode, beside the frame's own (A) reading. Holds no
 * pixels.
 *
 * @param detector id and version of the detector that found {@link #faces}; the frame's own
 *     detector when only a second model is compared (then the faces are the frame's own faces)
 * @param model id and version of the model that read {@link #faces}
 * @param faces the B reading per face
 */
public record Comparison(String detector, String model, List<FaceResult> faces) {
  /** Least overlap for an A face and a B face to be the same face. */
  public static final double SAME_FACE_IOU = 0.5;

  public Comparison {
    faces = List.copyOf(faces);
  }

  /** An A face and the B face of the same person, both read. */
  public record Pair(FaceResult a, FaceResult b) {
    /** Whether A and B name the same strongest expression for this face. */
    public boolean agree() {
      return a.scores().top(1).get(0).getKey().equals(b.scores().top(1).get(0).getKey());
    }
  }

  /**
   * Pairs the read A faces with the read B faces of the same face: greedily, the most
   * overlapping pair first, each face at most once, overlap at least {@link #SAME_FACE_IOU}.
   * Faces only one side found or read are left out.
   */
  public List<Pair> pairs(List<FaceResult> aFaces) {
    List<Pair> candidates = new ArrayList<>();
    for (FaceResult a : aFaces) {
      for (FaceResult b : faces) {
        if (a.read() && b.read() && a.box().iou(b.box()) >= SAME_FACE_IOU) {
          candidates.add(new Pair(a, b));
        }
      }
    }
    candidates.sort(
        Comparator.comparingDouble((Pair p) -> p.a().box().iou(p.b().box())).reversed());
    List<Pair> pairs = new ArrayList<>();
    Set<FaceResult> used = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Pair p : candidates) {
      if (!used.contains(p.a()) && !used.contains(p.b())) {
        used.add(p.a());
        used.add(p.b());
        pairs.add(p);
      }
    }
    return pairs;
  }

  /** How many of the paired faces A and B agree on. */
  public long agreeing(List<FaceResult> aFaces) {
    return pairs(aFaces).stream().filter(Pair::agree).count();
  }
}

package org.expressionmirror.pipeline.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.expressionmirror.api.Box;
import org.expressionmirror.api.Face;
import org.expressionmirror.api.Smoother;

/**
 * Gives each face a track id that stays while the face stays in view: a face continues the track
 * whose last box it overlaps most (greedy by IoU); a track not seen for the timeout is forgotten
 * together with its smoothing state.
 */
final class FaceTracker {
  private final List<Track> tracks = new ArrayList<>();
  private int nextId = 1;

  /** One face track: its id, last box and smoothing state. */
  static final class Track {
    final int id;
    Box box;
    double lastSeenMs;
    Smoother.Track smoothing;
    Object smoother;
    /** The B reading's smoothing in compare mode, when B reads this track's face too. */
    Smoother.Track compareSmoothing;
    Object compareSmoother;

    Track(int id, Box box, double timeMs) {
      this.id = id;
      this.box = box;
      this.lastSeenMs = timeMs;
    }
  }

  /**
   * Matches faces to tracks.
   *
   * @return one track per face, in the order of {@code faces}
   */
  List<Track> assign(List<Face> faces, double timeMs, double minIou, double timeoutMs) {
    expire(timeMs, timeoutMs);
    Track[] assigned = new Track[faces.size()];
    List<Track> free = new ArrayList<>(tracks);
    for (Candidate c : candidates(faces, free, minIou)) {
      if (assigned[c.face] == null && free.contains(c.track)) {
        assigned[c.face] = c.track;
        free.remove(c.track);
      }
    }
    List<Track> result = new ArrayList<>(faces.size());
    for (int i = 0; i < faces.size(); i++) {
      Track t = assigned[i];
      if (t == null) {
        t = new Track(nextId++, faces.get(i).box(), timeMs);
        tracks.add(t);
      }
      t.box = faces.get(i).box();
      t.lastSeenMs = timeMs;
      result.add(t);
    }
    return result;
  }

  int size() {
    return tracks.size();
  }

  private void expire(double timeMs, double timeoutMs) {
    for (Iterator<Track> it = tracks.iterator(); it.hasNext(); ) {
      double age = timeMs - it.next().lastSeenMs;
      // a source that jumps backwards (a new file) starts afresh as well
      if (age > timeoutMs || age < 0) {
        it.remove();
      }
    }
  }

  private record Candidate(int face, Track track, double iou) {}

  private static List<Candidate> candidates(List<Face> faces, List<Track> tracks, double minIou) {
    List<Candidate> list = new ArrayList<>();
    for (int f = 0; f < faces.size(); f++) {
      for (Track t : tracks) {
        double iou = faces.get(f).box().iou(t.box);
        if (iou >= minIou && iou > 0) {
          list.add(new Candidate(f, t, iou));
        }
      }
    }
    list.sort(Comparator.comparingDouble(Candidate::iou).reversed());
    return list;
  }
}

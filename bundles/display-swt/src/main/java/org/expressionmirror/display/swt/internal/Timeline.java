package org.expressionmirror.display.swt.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.expressionmirror.api.Distribution;
import org.expressionmirror.api.Box;
import org.expressionmirror.api.FaceResult;
import org.expressionmirror.api.FrameResult;

/**
 * The last 60 seconds (source time) of the main face's smoothed scores, and markers where the
 * detector, model or smoother changed. Used on the UI thread only.
 */
final class Timeline {
  static final double SPAN_MS = 60_000;

  /** Smoothed scores of the main face at a time; {@code smoothed} is null when no face was seen. */
  record Point(double timeMs, Distribution smoothed) {}

  /** A component swap: {@code what} names the new component, e.g. {@code model x@1}. */
  record Marker(double timeMs, String what) {}

  private final ArrayDeque<Point> points = new ArrayDeque<>();
  private final ArrayDeque<Marker> markers = new ArrayDeque<>();
  private FrameResult previous;

  void add(FrameResult result) {
    if (previous != null && result.timeMs() < previous.timeMs()) {
      // Time went back: a new source started, its history is not this one's.
      points.clear();
      markers.clear();
      previous = null;
    }
    if (previous != null) {
      String change = change(previous, result);
      if (!change.isEmpty()) {
        markers.addLast(new Marker(result.timeMs(), change));
      }
    }
    Distribution smoothed = Box.largestOf(result.faces(), FaceResult::box).map(FaceResult::smoothed).orElse(null);
    points.addLast(new Point(result.timeMs(), smoothed));
    previous = result;
    forgetBefore(result.timeMs() - SPAN_MS);
  }

  private void forgetBefore(double timeMs) {
    while (!points.isEmpty() && points.peekFirst().timeMs() < timeMs) {
      points.removeFirst();
    }
    while (!markers.isEmpty() && markers.peekFirst().timeMs() < timeMs) {
      markers.removeFirst();
    }
  }

  private static String change(FrameResult before, FrameResult now) {
    List<String> changed = new ArrayList<>();
    if (!Objects.equals(before.detector(), now.detector())) {
      changed.add("detector " + now.detector());
    }
    if (!Objects.equals(before.model(), now.model())) {
      changed.add("model " + now.model());
    }
    if (!Objects.equals(before.smoother(), now.smoother())) {
      changed.add("smoother " + now.smoother());
    }
    return String.join(", ", changed);
  }

  /** Source time of the oldest point kept, or 0 when empty. */
  double oldestMs() {
    return points.isEmpty() ? 0 : points.peekFirst().timeMs();
  }

  /** The time axis for the points kept. */
  TimeScale scale() {
    return TimeScale.of(oldestMs(), latestMs());
  }

  /** Source time of the newest point, or 0 when empty. */
  double latestMs() {
    return points.isEmpty() ? 0 : points.peekLast().timeMs();
  }

  List<Point> points() {
    return List.copyOf(points);
  }

  List<Marker> markers() {
    return List.copyOf(markers);
  }
}

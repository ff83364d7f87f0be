package org.expressionmirror.display.swt.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.expressionmirror.api.Expressions;

/**
 * Draws the timeline strip: one line per expression, a legend, white swap markers and a time axis
 * in seconds of source time under the plot.
 */
final class TimelinePainter {
  static final int LEGEND_HEIGHT = 20;
  static final int AXIS_HEIGHT = 22;
  private static final int MARGIN = 6;
  private static final int TICK = 4;
  private static final int MIN_TICK_GAP = 70;

  private final Palette palette;

  TimelinePainter(Palette palette) {
    this.palette = palette;
  }

  void paint(GC gc, Timeline timeline, Rectangle area) {
    gc.setBackground(palette.background);
    gc.fillRectangle(area);
    List<Timeline.Point> points = timeline.points();
    Set<String> labels = labelsIn(points);
    drawLegend(gc, labels, area);
    Rectangle plot =
        new Rectangle(
            area.x + MARGIN,
            area.y + LEGEND_HEIGHT + 2,
            area.width - 2 * MARGIN,
            area.height - LEGEND_HEIGHT - 2 - AXIS_HEIGHT);
    TimeScale scale = timeline.scale();
    gc.setForeground(palette.dimText);
    gc.setLineWidth(1);
    gc.setLineStyle(SWT.LINE_SOLID);
    gc.drawRectangle(plot);
    drawAxis(gc, scale, plot);
    gc.setAntialias(SWT.ON);
    gc.setLineWidth(2);
    for (String label : labels) {
      gc.setForeground(palette.of(label));
      for (int[] run : runs(points, label, scale, plot)) {
        gc.drawPolyline(run);
      }
    }
    drawMarkers(gc, timeline, scale, plot);
    gc.setAntialias(SWT.OFF);
  }

  /** Ticks under the plot with their second labels; a label that would leave the strip is moved in. */
  private void drawAxis(GC gc, TimeScale scale, Rectangle plot) {
    gc.setForeground(palette.dimText);
    int bottom = plot.y + plot.height;
    for (double t : scale.ticks(plot.width, MIN_TICK_GAP)) {
      int x = scale.x(t, plot.x, plot.width);
      gc.drawLine(x, bottom, x, bottom + TICK);
      String text = TimeScale.label(t);
      int w = gc.textExtent(text).x;
      int left = Math.max(plot.x, Math.min(x - w / 2, plot.x + plot.width - w));
      gc.drawText(text, left, bottom + TICK, true);
    }
  }

  private void drawLegend(GC gc, Set<String> labels, Rectangle area) {
    int x = area.x + MARGIN;
    int y = area.y + 3;
    gc.setForeground(palette.dimText);
    String caption = "main face (up to the last 60 s):";
    gc.drawText(caption, x, y, true);
    x += gc.textExtent(caption).x + 10;
    for (String label : labels) {
      gc.setBackground(palette.of(label));
      gc.fillRectangle(x, y + 4, 10, 10);
      gc.setForeground(palette.text);
      gc.drawText(label, x + 14, y, true);
      x += 14 + gc.textExtent(label).x + 12;
    }
  }

  private static Set<String> labelsIn(List<Timeline.Point> points) {
    Set<String> seen = new LinkedHashSet<>();
    for (Timeline.Point p : points) {
      if (p.smoothed() != null) {
        seen.addAll(p.smoothed().labels());
      }
    }
    Set<String> ordered = new LinkedHashSet<>(Expressions.CANONICAL);
    ordered.retainAll(seen);
    return ordered;
  }

  /** Continuous stretches of one label's line; a frame without a face breaks the line. */
  private static List<int[]> runs(
      List<Timeline.Point> points, String label, TimeScale scale, Rectangle plot) {
    List<int[]> runs = new ArrayList<>();
    List<Integer> run = new ArrayList<>();
    for (Timeline.Point p : points) {
      if (p.smoothed() == null || !p.smoothed().labels().contains(label)) {
        flush(run, runs);
        continue;
      }
      run.add(scale.x(p.timeMs(), plot.x, plot.width));
      run.add(plot.y + plot.height - (int) Math.round(p.smoothed().get(label) * plot.height));
    }
    flush(run, runs);
    return runs;
  }

  private static void flush(List<Integer> run, List<int[]> runs) {
    if (run.size() >= 4) {
      runs.add(run.stream().mapToInt(Integer::intValue).toArray());
    }
    run.clear();
  }

  private void drawMarkers(GC gc, Timeline timeline, TimeScale scale, Rectangle plot) {
    gc.setAntialias(SWT.OFF);
    gc.setLineWidth(1);
    gc.setForeground(palette.marker);
    for (Timeline.Marker m : timeline.markers()) {
      int x = scale.x(m.timeMs(), plot.x, plot.width);
      gc.drawLine(x, plot.y, x, plot.y + plot.height);
      // a swap near the right edge is labelled on the marker's left, so its name stays readable
      int w = gc.textExtent(m.what()).x;
      int left = x + 3 + w <= plot.x + plot.width ? x + 3 : Math.max(plot.x, x - 3 - w);
      gc.drawText(m.what(), left, plot.y + 2, true);
    }
  }
}

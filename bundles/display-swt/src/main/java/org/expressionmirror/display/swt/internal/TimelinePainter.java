package org.expressionmirror.display.swt.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.expressionmirror.api.Expressions;

/** Draws the timeline strip: one line per expression, a legend, and white swap markers. */
final class TimelinePainter {
  static final int LEGEND_HEIGHT = 20;
  private static final int MARGIN = 6;

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
            area.height - LEGEND_HEIGHT - 2 - MARGIN);
    gc.setForeground(palette.dimText);
    gc.setLineWidth(1);
    gc.setLineStyle(SWT.LINE_SOLID);
    gc.drawRectangle(plot);
    gc.setAntialias(SWT.ON);
    gc.setLineWidth(2);
    for (String label : labels) {
      gc.setForeground(palette.of(label));
      for (int[] run : runs(points, label, timeline.latestMs(), plot)) {
        gc.drawPolyline(run);
      }
    }
    drawMarkers(gc, timeline, plot);
    gc.setAntialias(SWT.OFF);
  }

  private void drawLegend(GC gc, Set<String> labels, Rectangle area) {
    int x = area.x + MARGIN;
    int y = area.y + 3;
    gc.setForeground(palette.dimText);
    String caption = "main face, last 60 s:";
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
      List<Timeline.Point> points, String label, double latestMs, Rectangle plot) {
    List<int[]> runs = new ArrayList<>();
    List<Integer> run = new ArrayList<>();
    for (Timeline.Point p : points) {
      if (p.smoothed() == null || !p.smoothed().labels().contains(label)) {
        flush(run, runs);
        continue;
      }
      run.add(x(p.timeMs(), latestMs, plot));
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

  private static int x(double timeMs, double latestMs, Rectangle plot) {
    double ago = (latestMs - timeMs) / Timeline.SPAN_MS;
    return plot.x + plot.width - (int) Math.round(ago * plot.width);
  }

  private void drawMarkers(GC gc, Timeline timeline, Rectangle plot) {
    gc.setAntialias(SWT.OFF);
    gc.setLineWidth(1);
    gc.setForeground(palette.marker);
    for (Timeline.Marker m : timeline.markers()) {
      int x = x(m.timeMs(), timeline.latestMs(), plot);
      gc.drawLine(x, plot.y, x, plot.y + plot.height);
      gc.drawText(m.what(), x + 3, plot.y + 2, true);
    }
  }
}

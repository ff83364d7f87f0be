package org.expressionmirror.display.swt.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.expressionmirror.api.FaceResult;
import org.expressionmirror.api.FrameResult;

/**
 * Draws a frame around each face and, beside it, its three strongest smoothed expressions and any
 * further one at the label threshold or above. With a neutral baseline the main face's rows show
 * signed percentage points against it, and the baseline as a tick on each bar.
 */
final class FacePainter {
  static final int LINE_WIDTH = 3;
  static final int ROW_HEIGHT = 20;
  static final int LABEL_WIDTH = 84;
  static final int BAR_WIDTH = 90;
  static final int PERCENT_WIDTH = 44;
  static final int PAD = 6;
  static final int GAP = 8;
  static final int PANEL_WIDTH = PAD + LABEL_WIDTH + BAR_WIDTH + PAD + PERCENT_WIDTH;
  static final int TOP = ShownLabels.TOP;
  static final int TICK_WIDTH = 3;

  private final Palette palette;
  private final NeutralBaseline baseline;

  FacePainter(Palette palette, NeutralBaseline baseline) {
    this.palette = palette;
    this.baseline = baseline;
  }

  void paint(GC gc, FrameResult result, ViewTransform view, boolean onlyMyFace) {
    Optional<FaceResult> main = MainFace.of(result.faces());
    Rectangle area = view.imageArea();
    for (FaceResult face : result.faces()) {
      // the pipeline's own onlyMyFace leaves faces without scores, whatever the window's says
      boolean read = face.smoothed() != null && (!onlyMyFace || main.get() == face);
      Rectangle box = view.toView(face.box());
      drawFrame(gc, box, read);
      if (read) {
        drawReadings(gc, face, main.get(), box, area);
      }
    }
  }

  private void drawFrame(GC gc, Rectangle box, boolean read) {
    gc.setAntialias(SWT.OFF);
    gc.setLineStyle(SWT.LINE_SOLID);
    gc.setLineWidth(LINE_WIDTH);
    gc.setForeground(read ? palette.face : palette.plain);
    gc.drawRectangle(box);
  }

  /** Panel right of the box, or left of it when there is no room on the right. */
  static Rectangle panelBounds(Rectangle box, Rectangle area) {
    return panelBounds(box, area, TOP);
  }

  static Rectangle panelBounds(Rectangle box, Rectangle area, int rows) {
    int height = rows * ROW_HEIGHT + PAD;
    int x = box.x + box.width + GAP;
    if (x + PANEL_WIDTH > area.x + area.width && box.x - GAP - PANEL_WIDTH >= area.x) {
      x = box.x - GAP - PANEL_WIDTH;
    }
    int y = Math.max(area.y, Math.min(box.y, area.y + area.height - height));
    return new Rectangle(x, y, PANEL_WIDTH, height);
  }

  private void drawReadings(GC gc, FaceResult face, FaceResult main, Rectangle box, Rectangle area) {
    List<Map.Entry<String, Double>> rows = ShownLabels.of(face);
    Rectangle panel = panelBounds(box, area, Math.max(TOP, rows.size()));
    gc.setAlpha(170);
    gc.setBackground(palette.panel);
    gc.fillRectangle(panel);
    gc.setAlpha(255);
    for (int i = 0; i < rows.size(); i++) {
      int y = panel.y + PAD / 2 + i * ROW_HEIGHT;
      String label = rows.get(i).getKey();
      Optional<Double> neutral = baseline.of(label, face, main);
      drawRow(gc, label, rows.get(i).getValue(), panel.x + PAD, y, neutral);
    }
  }

  private void drawRow(GC gc, String label, double p, int x, int y, Optional<Double> neutral) {
    gc.setForeground(palette.text);
    Point extent = gc.textExtent(label);
    int textY = y + (ROW_HEIGHT - extent.y) / 2;
    gc.drawText(label, x, textY, true);
    int barX = x + LABEL_WIDTH;
    int barY = y + 5;
    int barHeight = ROW_HEIGHT - 10;
    gc.setBackground(palette.background);
    gc.fillRectangle(barX, barY, BAR_WIDTH, barHeight);
    gc.setBackground(palette.of(label));
    gc.fillRectangle(barX, barY, (int) Math.round(BAR_WIDTH * Math.min(1, p)), barHeight);
    gc.setForeground(palette.text);
    if (neutral.isEmpty()) {
      String percent = String.format(Locale.ROOT, "%d %%", Math.round(p * 100));
      gc.drawText(percent, barX + BAR_WIDTH + PAD, textY, true);
      return;
    }
    // the tick marks where the bar stood on the neutral face; the number is the distance from it
    int tickX = barX + (int) Math.round(BAR_WIDTH * Math.min(1, neutral.get())) - TICK_WIDTH / 2;
    gc.setBackground(palette.baseline);
    gc.fillRectangle(tickX, barY - 3, TICK_WIDTH, barHeight + 6);
    long points = Math.round(NeutralBaseline.relativePoints(p, neutral.get()));
    gc.drawText(String.format(Locale.ROOT, "%+d pp", points), barX + BAR_WIDTH + PAD, textY, true);
  }
}

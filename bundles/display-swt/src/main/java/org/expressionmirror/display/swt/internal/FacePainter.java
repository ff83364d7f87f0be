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

/** Draws a frame around each face and, beside it, its three strongest smoothed expressions. */
final class FacePainter {
  static final int LINE_WIDTH = 3;
  static final int ROW_HEIGHT = 20;
  static final int LABEL_WIDTH = 84;
  static final int BAR_WIDTH = 90;
  static final int PERCENT_WIDTH = 44;
  static final int PAD = 6;
  static final int GAP = 8;
  static final int PANEL_WIDTH = PAD + LABEL_WIDTH + BAR_WIDTH + PAD + PERCENT_WIDTH;
  static final int TOP = 3;

  private final Palette palette;

  FacePainter(Palette palette) {
    this.palette = palette;
  }

  void paint(GC gc, FrameResult result, ViewTransform view, boolean onlyMyFace) {
    Optional<FaceResult> main = MainFace.of(result.faces());
    Rectangle area = view.imageArea();
    for (FaceResult face : result.faces()) {
      // the pipeline's own onlyMyFace leaves faces without scores, whatever the window's says
      boolean read = shownRead(face, main, onlyMyFace);
      Rectangle box = view.toView(face.box());
      drawFrame(gc, box, read);
      if (read) {
        drawReadings(gc, face, box, area);
      }
    }
  }

  /** Whether the window shows {@code face}'s readings. */
  static boolean shownRead(FaceResult face, Optional<FaceResult> main, boolean onlyMyFace) {
    return face.smoothed() != null && (!onlyMyFace || main.get() == face);
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
    int height = TOP * ROW_HEIGHT + PAD;
    int x = box.x + box.width + GAP;
    if (x + PANEL_WIDTH > area.x + area.width && box.x - GAP - PANEL_WIDTH >= area.x) {
      x = box.x - GAP - PANEL_WIDTH;
    }
    int y = Math.max(area.y, Math.min(box.y, area.y + area.height - height));
    return new Rectangle(x, y, PANEL_WIDTH, height);
  }

  private void drawReadings(GC gc, FaceResult face, Rectangle box, Rectangle area) {
    Rectangle panel = panelBounds(box, area);
    gc.setAlpha(170);
    gc.setBackground(palette.panel);
    gc.fillRectangle(panel);
    gc.setAlpha(255);
    List<Map.Entry<String, Double>> top = face.smoothed().top(TOP);
    for (int i = 0; i < top.size(); i++) {
      int y = panel.y + PAD / 2 + i * ROW_HEIGHT;
      drawRow(gc, top.get(i).getKey(), top.get(i).getValue(), panel.x + PAD, y);
    }
  }

  private void drawRow(GC gc, String label, double p, int x, int y) {
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
    String percent = String.format(Locale.ROOT, "%d %%", Math.round(p * 100));
    gc.drawText(percent, barX + BAR_WIDTH + PAD, textY, true);
  }
}

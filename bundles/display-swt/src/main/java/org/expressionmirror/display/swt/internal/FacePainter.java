package org.expressionmirror.display.swt.internal;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.expressionmirror.api.Comparison;
import org.expressionmirror.api.Distribution;
import org.expressionmirror.api.Box;
import org.expressionmirror.api.FaceResult;
import org.expressionmirror.api.FrameResult;

/**
 * Draws a frame around each face and, beside it, its three strongest smoothed expressions and any
 * further one at the label threshold or above. With a neutral baseline the main face's rows show
 * signed percentage points against it, and the baseline as a tick on each bar. In compare mode a
 * face both readings found gets A and B bars side by side, and a second detector's faces get
 * frames of their own colour.
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
  /** One reading's column in a compare panel: bar and percent. */
  static final int COLUMN = BAR_WIDTH + PAD + PERCENT_WIDTH;
  /** Room on the right of a compare panel, so B's header is seldom cut short. */
  static final int PAIR_TAIL = 24;
  static final int PAIR_WIDTH = PAD + LABEL_WIDTH + 2 * COLUMN + PAIR_TAIL;
  static final int COMPARE_LINE_WIDTH = 2;

  private final Palette palette;
  private final NeutralBaseline baseline;

  FacePainter(Palette palette, NeutralBaseline baseline) {
    this.palette = palette;
    this.baseline = baseline;
  }

  /** Paints the faces and their readings; returns where each face's panel went, by track. */
  Map<Integer, Rectangle> paint(GC gc, FrameResult result, ViewTransform view, boolean onlyMyFace) {
    Optional<FaceResult> main = Box.largestOf(result.faces(), FaceResult::box);
    Comparison compare = result.compare();
    Map<FaceResult, FaceResult> bOf = new IdentityHashMap<>();
    if (compare != null) {
      compare.pairs(result.faces()).forEach(p -> bOf.put(p.a(), p.b()));
      if (!compare.detector().equals(result.detector())) {
        compare.faces().forEach(b -> drawCompareFrame(gc, view.toView(b.box())));
      }
    }
    Map<FaceResult, Rectangle> panels = panels(result, main, bOf, view, onlyMyFace);
    Map<Integer, Rectangle> byTrack = new java.util.HashMap<>();
    for (FaceResult face : mainLast(result.faces(), main)) {
      Rectangle box = view.toView(face.box());
      Rectangle panel = panels.get(face);
      // the pipeline's own onlyMyFace leaves faces without scores, whatever the window's says
      drawFrame(gc, box, panel != null);
      if (panel == null) {
        continue;
      }
      byTrack.put(face.track(), panel);
      FaceResult b = bOf.get(face);
      if (isPair(b)) {
        drawPair(gc, face, b, result.model(), compare.model(), panel);
      } else {
        drawReadings(gc, face, main.get(), panel);
      }
    }
    return byTrack;
  }

  private static boolean isPair(FaceResult b) {
    return b != null && b.smoothed() != null;
  }

  /**
   * The panels of the faces whose readings are shown, the main face's placed first (see {@link
   * PanelLayout}).
   */
  static Map<FaceResult, Rectangle> panels(
      FrameResult result,
      Optional<FaceResult> main,
      Map<FaceResult, FaceResult> bOf,
      ViewTransform view,
      boolean onlyMyFace) {
    List<FaceResult> order = new ArrayList<>(mainLast(result.faces(), main));
    java.util.Collections.reverse(order);
    PanelLayout layout =
        new PanelLayout(view.imageArea(), result.faces().stream().map(f -> view.toView(f.box())).toList());
    Map<FaceResult, Rectangle> panels = new IdentityHashMap<>();
    for (FaceResult face : order) {
      if (!shownRead(face, main, onlyMyFace)) {
        continue;
      }
      FaceResult b = bOf.get(face);
      Rectangle box = view.toView(face.box());
      panels.put(
          face,
          isPair(b)
              ? layout.place(box, PAIR_WIDTH, (pairLabels(face.smoothed(), b.smoothed()).size() + 1) * ROW_HEIGHT + PAD)
              : layout.place(box, PANEL_WIDTH, Math.max(TOP, ShownLabels.of(face).size()) * ROW_HEIGHT + PAD));
    }
    return panels;
  }

  /**
   * The faces in the order they are painted: the main face last, so that where panels of faces
   * close together overlap, the main face's readings (and its neutral baseline) stay on top.
   */
  static List<FaceResult> mainLast(List<FaceResult> faces, Optional<FaceResult> main) {
    if (main.isEmpty()) {
      return faces;
    }
    List<FaceResult> order = new ArrayList<>(faces.size());
    faces.stream().filter(f -> f != main.get()).forEach(order::add);
    order.add(main.get());
    return order;
  }

  /** Whether the window shows {@code face}'s readings. */
  static boolean shownRead(FaceResult face, Optional<FaceResult> main, boolean onlyMyFace) {
    return face.smoothed() != null && (!onlyMyFace || main.get() == face);
  }

  /** A second detector's face: a thinner frame in the compare colour, inside A's when they meet. */
  private void drawCompareFrame(GC gc, Rectangle box) {
    gc.setAntialias(SWT.OFF);
    gc.setLineStyle(SWT.LINE_DASH);
    gc.setLineWidth(COMPARE_LINE_WIDTH);
    gc.setForeground(palette.compare);
    gc.drawRectangle(box.x + LINE_WIDTH, box.y + LINE_WIDTH, box.width - 2 * LINE_WIDTH, box.height - 2 * LINE_WIDTH);
    gc.setLineStyle(SWT.LINE_SOLID);
  }

  /**
   * A and B side by side: a header naming both models, then one row per label (A's strongest
   * three, and B's strongest when A's do not have it) with A's bar and B's bar.
   */
  private void drawPair(GC gc, FaceResult a, FaceResult b, String modelA, String modelB, Rectangle panel) {
    List<String> labels = pairLabels(a.smoothed(), b.smoothed());
    gc.setAlpha(170);
    gc.setBackground(palette.panel);
    gc.fillRectangle(panel);
    gc.setAlpha(255);
    int x = panel.x + PAD;
    int y = panel.y + PAD / 2;
    // A's header may reach over the label column: B's column starts where A's bars end
    header(gc, "A " + Ids.base(modelA), x, LABEL_WIDTH + COLUMN - PAD, y, palette.text);
    header(gc, "B " + Ids.base(modelB), x + LABEL_WIDTH + COLUMN, COLUMN + PAIR_TAIL - PAD, y, palette.compare);
    for (int i = 0; i < labels.size(); i++) {
      String label = labels.get(i);
      int rowY = y + (i + 1) * ROW_HEIGHT;
      drawRow(gc, label, a.smoothed().get(label), x, rowY, palette.background, Optional.empty());
      drawBar(
          gc, label, b.smoothed().get(label), x + LABEL_WIDTH + COLUMN, rowY, palette.compareTrack,
          textY(gc, label, rowY), Optional.empty());
    }
  }

  /** A's strongest three, then B's strongest if A's do not include it. */
  static List<String> pairLabels(Distribution a, Distribution b) {
    List<String> labels = new ArrayList<>();
    a.top(TOP).forEach(e -> labels.add(e.getKey()));
    String bTop = b.top(1).get(0).getKey();
    if (!labels.contains(bTop)) {
      labels.add(bTop);
    }
    return labels;
  }

  private void header(GC gc, String text, int x, int width, int y, Color colour) {
    gc.setForeground(colour);
    String fitted =
        gc.textExtent(text).x > width ? StatusLine.elide(text, width, t -> gc.textExtent(t).x) : text;
    gc.drawText(fitted, x, y + (ROW_HEIGHT - gc.textExtent(fitted).y) / 2, true);
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

  /** The same for a panel of {@code rows} label rows. */
  static Rectangle panelBounds(Rectangle box, Rectangle area, int rows) {
    return panelBounds(box, area, PANEL_WIDTH, rows * ROW_HEIGHT + PAD);
  }

  static Rectangle panelBounds(Rectangle box, Rectangle area, int width, int height) {
    int x = box.x + box.width + GAP;
    if (x + width > area.x + area.width && box.x - GAP - width >= area.x) {
      x = box.x - GAP - width;
    }
    int y = Math.max(area.y, Math.min(box.y, area.y + area.height - height));
    return new Rectangle(x, y, width, height);
  }

  private void drawReadings(GC gc, FaceResult face, FaceResult main, Rectangle panel) {
    List<Map.Entry<String, Double>> rows = ShownLabels.of(face);
    gc.setAlpha(170);
    gc.setBackground(palette.panel);
    gc.fillRectangle(panel);
    gc.setAlpha(255);
    for (int i = 0; i < rows.size(); i++) {
      int y = panel.y + PAD / 2 + i * ROW_HEIGHT;
      String label = rows.get(i).getKey();
      Optional<Double> neutral = baseline.of(label, face, main);
      drawRow(gc, label, rows.get(i).getValue(), panel.x + PAD, y, palette.background, neutral);
    }
  }

  private void drawRow(
      GC gc, String label, double p, int x, int y, Color track, Optional<Double> neutral) {
    gc.setForeground(palette.text);
    int textY = textY(gc, label, y);
    gc.drawText(label, x, textY, true);
    drawBar(gc, label, p, x + LABEL_WIDTH, y, track, textY, neutral);
  }

  private static int textY(GC gc, String text, int rowY) {
    return rowY + (ROW_HEIGHT - gc.textExtent(text).y) / 2;
  }

  private void drawBar(
      GC gc, String label, double p, int barX, int y, Color track, int textY, Optional<Double> neutral) {
    int barY = y + 5;
    int barHeight = ROW_HEIGHT - 10;
    gc.setBackground(track);
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

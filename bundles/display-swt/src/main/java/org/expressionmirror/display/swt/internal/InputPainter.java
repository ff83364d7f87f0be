package org.expressionmirror.display.swt.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.swt.graphics.Device;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.expressionmirror.api.ModelInput;

/**
 * "Show what the model sees": beside each face, under its readings, the exact input the model
 * received, enlarged with nearest-neighbour so its pixels stay visible, labelled with the model,
 * size, colour and value range. The images live on the UI thread from one frame to the next and
 * are disposed when replaced or when the window closes.
 */
final class InputPainter implements AutoCloseable {
  /** About how large a patch is drawn, in window pixels. */
  static final int TARGET = 192;
  static final int PAD = 4;

  private final Palette palette;
  private final Map<Integer, List<Patch>> patches = new HashMap<>();

  /** One model input as an SWT image, with its caption. */
  private record Patch(Image image, ModelInput input) {}

  InputPainter(Palette palette) {
    this.palette = palette;
  }

  /** On UI thread: the images of a new frame's inputs replace the previous ones. */
  void replace(Device device, Map<Integer, List<ModelInput>> inputs) {
    close();
    inputs.forEach(
        (track, list) -> {
          List<Patch> made = new ArrayList<>(list.size());
          for (ModelInput input : list) {
            made.add(new Patch(new Image(device, enlarged(input)), input));
          }
          patches.put(track, made);
        });
  }

  /** Whether there is an input to draw for {@code track}. */
  boolean has(int track) {
    return patches.containsKey(track);
  }

  /** Whole-number enlargement: a 64-pixel input is drawn 3x, a 112-pixel one 2x. */
  static int factor(ModelInput input) {
    return Math.max(1, (int) Math.round((double) TARGET / Math.max(input.width(), input.height())));
  }

  /** The input as 24-bit image data, enlarged by {@link #factor} with nearest-neighbour. */
  static ImageData enlarged(ModelInput input) {
    int k = factor(input);
    return pixels(input).scaledTo(input.width() * k, input.height() * k);
  }

  /** The input's pixels in SWT's BGR layout (grey replicated), not yet enlarged. */
  static ImageData pixels(ModelInput input) {
    int n = input.width() * input.height();
    byte[] src = input.pixels();
    byte[] bgr = new byte[n * 3];
    for (int i = 0; i < n; i++) {
      switch (input.colour()) {
        case ModelInput.GREY -> {
          bgr[3 * i] = src[i];
          bgr[3 * i + 1] = src[i];
          bgr[3 * i + 2] = src[i];
        }
        case ModelInput.RGB -> {
          bgr[3 * i] = src[3 * i + 2];
          bgr[3 * i + 1] = src[3 * i + 1];
          bgr[3 * i + 2] = src[3 * i];
        }
        default -> System.arraycopy(src, 3 * i, bgr, 3 * i, 3);
      }
    }
    return new ImageData(input.width(), input.height(), 24, FrameImages.BGR, 1, bgr);
  }

  /**
   * Draws {@code track}'s inputs side by side below the readings {@code panel} (above it when the
   * image has no room below), aligned with the panel's outer edge; returns where, or null.
   */
  Rectangle paint(GC gc, int track, Rectangle panel, Rectangle box, Rectangle area) {
    List<Patch> list = patches.get(track);
    if (list == null || list.isEmpty()) {
      return null;
    }
    int lineHeight = gc.getFontMetrics().getHeight();
    int captionHeight = 2 * lineHeight;
    int width = PAD;
    int height = 0;
    for (Patch p : list) {
      Rectangle b = p.image().getBounds();
      width += Math.max(b.width, captionWidth(gc, p.input())) + PAD;
      height = Math.max(height, b.height);
    }
    height += captionHeight + 2 * PAD;
    boolean leftOfFace = panel.x < box.x;
    int x = leftOfFace ? panel.x + panel.width - width : panel.x;
    int y = panel.y + panel.height + FacePainter.GAP;
    if (y + height > area.y + area.height) {
      y = Math.max(area.y, panel.y - FacePainter.GAP - height);
    }
    Rectangle bounds = new Rectangle(x, y, width, height);
    gc.setBackground(palette.panel);
    gc.fillRectangle(bounds);
    gc.setForeground(palette.text);
    int left = x + PAD;
    for (Patch p : list) {
      Rectangle b = p.image().getBounds();
      gc.drawText(p.input().model(), left, y + PAD, true);
      gc.drawText(p.input().label(), left, y + PAD + lineHeight, true);
      gc.drawImage(p.image(), left, y + PAD + captionHeight);
      left += Math.max(b.width, captionWidth(gc, p.input())) + PAD;
    }
    return bounds;
  }

  private static int captionWidth(GC gc, ModelInput input) {
    Point a = gc.textExtent(input.model());
    Point b = gc.textExtent(input.label());
    return Math.max(a.x, b.x);
  }

  /** Disposes the images. */
  @Override
  public void close() {
    patches.values().forEach(list -> list.forEach(p -> p.image().dispose()));
    patches.clear();
  }
}

package org.expressionmirror.display.swt.internal;

import java.util.HashMap;
import java.util.Map;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Device;
import org.eclipse.swt.graphics.RGB;
import org.expressionmirror.api.Expressions;

/** The window's colours: one per expression (bars and timeline share them) and the frame colours. */
final class Palette implements AutoCloseable {
  /** Frame around a face that is read. */
  static final RGB FACE = new RGB(0, 230, 118);
  /** The neutral baseline: ticks on the bars and the recording's progress bar. */
  static final RGB BASELINE = new RGB(0, 229, 255);
  /** Frame around a face that is not read ("only my face"). */
  static final RGB PLAIN = new RGB(190, 190, 190);
  /** Compare mode's B reading: the second detector's face frames and the B column's header. */
  static final RGB COMPARE = new RGB(255, 64, 160);
  /** The empty part of a B bar, so B bars are told from A bars at a glance. */
  static final RGB COMPARE_TRACK = new RGB(72, 24, 56);

  private static final Map<String, RGB> EXPRESSIONS =
      Map.of(
          Expressions.ANGER, new RGB(229, 57, 53),
          Expressions.CONTEMPT, new RGB(161, 136, 127),
          Expressions.DISGUST, new RGB(156, 204, 101),
          Expressions.FEAR, new RGB(171, 71, 188),
          Expressions.HAPPINESS, new RGB(255, 202, 40),
          Expressions.NEUTRAL, new RGB(144, 164, 174),
          Expressions.SADNESS, new RGB(66, 165, 245),
          Expressions.SURPRISE, new RGB(255, 112, 67));

  final Color face;
  final Color plain;
  final Color background;
  final Color panel;
  final Color text;
  final Color dimText;
  final Color marker;
  final Color warning;
  final Color compare;
  final Color compareTrack;
  final Color baseline;
  private final Map<String, Color> expressions = new HashMap<>();
  private final Color unknown;

  Palette(Device device) {
    face = new Color(device, FACE);
    plain = new Color(device, PLAIN);
    background = new Color(device, 18, 18, 20);
    panel = new Color(device, 0, 0, 0);
    text = new Color(device, 240, 240, 240);
    dimText = new Color(device, 150, 150, 150);
    marker = new Color(device, 255, 255, 255);
    warning = new Color(device, 255, 183, 77);
    baseline = new Color(device, BASELINE);
    unknown = new Color(device, 255, 255, 255);
    compare = new Color(device, COMPARE);
    compareTrack = new Color(device, COMPARE_TRACK);
    EXPRESSIONS.forEach((label, rgb) -> expressions.put(label, new Color(device, rgb)));
  }

  /** The colour values of an expression label, white for unknown labels. */
  static RGB rgb(String expression) {
    return EXPRESSIONS.getOrDefault(expression, new RGB(255, 255, 255));
  }

  /** The colour of an expression label. */
  Color of(String expression) {
    return expressions.getOrDefault(expression, unknown);
  }

  @Override
  public void close() {
    for (Color c : new Color[] {
        face, plain, background, panel, text, dimText, marker, warning, compare, compareTrack, baseline
      }) {
      c.dispose();
    }
    unknown.dispose();
    expressions.values().forEach(Color::dispose);
  }
}

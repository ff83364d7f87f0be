package org.expressionmirror.display.swt.internal;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;

/**
 * The window's side of the neutral baseline: the keys ({@code n} records three seconds of the
 * main face, Backspace clears), the countdown over the image while recording, and the status
 * word. UI thread only. The baseline lives in memory and dies with the window.
 */
final class BaselineView {
  static final String RELATIVE = "relative to your neutral face";
  static final String RECORDING = "recording your neutral face";
  static final String NO_FACE = "No face found in 3 s: no neutral baseline kept";
  static final String RECORD_ITEM = "Record my &neutral face (3 s)\tN";
  static final String CLEAR_ITEM = "&Clear baseline\tBackspace";
  /** Countdown repaints: rare enough that a loaded machine still gets to show frames between them. */
  private static final int TICK_MS = 250;
  private static final long NO_FACE_SHOWN_NANOS = TimeUnit.SECONDS.toNanos(4);

  private final Display display;
  private final Canvas canvas;
  private final Palette palette;
  private final NeutralBaseline baseline;
  /** Until when the "no face" message stays over the image. */
  private long noFaceUntil;
  /** Where the banner was drawn last, or null: the countdown repaints only that. */
  private Rectangle banner;

  BaselineView(Display display, Canvas canvas, Palette palette, NeutralBaseline baseline) {
    this.display = display;
    this.canvas = canvas;
    this.palette = palette;
    this.baseline = baseline;
  }

  /** Starts three seconds of recording (again, if one is under way). */
  void record() {
    boolean ticking = baseline.state() == NeutralBaseline.State.RECORDING;
    baseline.start(System.nanoTime());
    if (!ticking) { // one countdown timer, however often n is typed
      tick();
    }
  }

  void clear() {
    baseline.clear();
    canvas.redraw();
  }

  /** Handles {@code n} and Backspace; returns whether the key was one of them. */
  boolean key(Event e) {
    if (e.character == 'n' || e.character == 'N') {
      record();
      return true;
    }
    if (e.keyCode == SWT.BS) {
      clear();
      return true;
    }
    return false;
  }

  /** The status line's word for the baseline, empty without one. */
  String status() {
    return switch (baseline.state()) {
      case NONE -> "";
      case RECORDING -> RECORDING;
      case ACTIVE -> RELATIVE;
      case NO_FACE -> NO_FACE;
    };
  }

  /** The countdown while recording, the "no face" message for a while after a failed one. */
  void paint(GC gc, Rectangle area) {
    long now = System.nanoTime();
    banner = null;
    if (baseline.state() == NeutralBaseline.State.RECORDING) {
      double left = baseline.secondsLeft(now);
      String text = String.format(Locale.ROOT, "Hold a neutral face: %.1f s", left);
      drawBanner(gc, area, text, left / (NeutralBaseline.RECORD_NANOS / 1e9));
    } else if (baseline.state() == NeutralBaseline.State.NO_FACE && now < noFaceUntil) {
      drawBanner(gc, area, NO_FACE, -1);
    }
  }

  private void drawBanner(GC gc, Rectangle area, String text, double progress) {
    banner = Banner.draw(gc, palette, area, text, progress, palette.baseline);
  }

  private void redraw() {
    if (!canvas.isDisposed()) {
      canvas.redraw();
    }
  }

  /** Repaints the countdown and ends the recording on time, also when no frame comes. */
  private void tick() {
    if (canvas.isDisposed()) {
      return;
    }
    boolean going = baseline.update(System.nanoTime());
    if (baseline.state() == NeutralBaseline.State.NO_FACE) {
      noFaceUntil = System.nanoTime() + NO_FACE_SHOWN_NANOS;
      display.timerExec((int) TimeUnit.NANOSECONDS.toMillis(NO_FACE_SHOWN_NANOS), this::redraw);
    }
    if (going && banner != null) {
      // SWT runs the frames' asyncExec only when no other event waits: whole-window repaints
      // every tick would starve them on a loaded machine
      canvas.redraw(banner.x, banner.y, banner.width, banner.height, false);
    } else {
      canvas.redraw();
    }
    if (going) {
      display.timerExec(TICK_MS, this::tick);
    }
  }
}

package org.expressionmirror.display.swt.internal;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.swt.SWT;
import org.eclipse.swt.SWTException;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.swt.widgets.Shell;
import org.expressionmirror.api.Frame;
import org.expressionmirror.api.FrameResult;
import org.expressionmirror.api.RunSummary;

/**
 * The mirror window: status line, the image with face frames and readings, and the timeline
 * strip. Create it on the UI thread; the public-to-the-package methods without "on UI thread" in
 * their comment may be called from any thread and never block.
 */
final class MirrorWindow {
  static final int STATUS_HEIGHT = 26;
  static final int TIMELINE_HEIGHT = 130;
  static final String ADVICE =
      "Close other programs using the camera, or try another camera index.";

  private final Display display;
  private final Shell shell;
  private final Canvas canvas;
  private final Button retry;
  private final Palette palette;
  private final FacePainter faces;
  private final TimelinePainter timelinePainter;
  private final FrameImages images = new FrameImages();
  private final Timeline timeline = new Timeline();
  private final RateMeter rate = new RateMeter();
  private final FrameSlot slot;
  private final Controls controls;
  private final Executor configWork;
  private final Listener quitKeys = this::quitKey;
  private final AtomicLong renders = new AtomicLong();

  // UI-thread state.
  private Image image;
  private FrameSlot.Shown shown;
  private boolean mirrored;
  private boolean onlyMyFace;
  private String source = "";
  private String message = "";
  private String notice = "";
  private ViewTransform view;

  /**
   * On UI thread.
   *
   * @param configWork runs Config Admin edits off the UI thread
   * @param onClosed called on the UI thread once the window is gone
   */
  MirrorWindow(
      Display display,
      boolean mirrored,
      boolean onlyMyFace,
      Controls controls,
      Choices choices,
      Executor configWork,
      Runnable onClosed) {
    this.display = display;
    this.mirrored = mirrored;
    this.onlyMyFace = onlyMyFace;
    this.controls = controls;
    this.configWork = configWork;
    palette = new Palette(display);
    faces = new FacePainter(palette);
    timelinePainter = new TimelinePainter(palette);
    shell = new Shell(display);
    shell.setText("Expression Mirror");
    shell.setLayout(new FillLayout());
    canvas = new Canvas(shell, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
    canvas.addListener(SWT.Paint, e -> paint(e.gc));
    retry = new Button(canvas, SWT.PUSH);
    retry.setText("Retry");
    retry.setVisible(false);
    retry.addListener(SWT.Selection, e -> retrySource());
    slot = new FrameSlot(this::later, this::render);
    new WindowMenus(this, shell, controls, choices, configWork);
    display.addFilter(SWT.KeyDown, quitKeys);
    shell.addListener(SWT.Dispose, e -> disposeResources(onClosed));
    shell.setSize(1240, 780);
  }

  /** On UI thread. */
  void open() {
    shell.open();
  }

  /** Called on the pipeline thread; returns at once, the newest frame wins. */
  void offer(Frame frame, FrameResult result) {
    rate.tick(System.nanoTime());
    slot.offer(frame, result);
  }

  void sourceFailed(String failure) {
    later(() -> showMessage(failure + "\n" + ADVICE, true));
  }

  void ended(RunSummary summary) {
    if (summary.failed()) {
      sourceFailed(summary.error());
    } else {
      later(() -> showMessage("The source has ended: " + summary.source(), true));
    }
  }

  void setView(boolean mirrored, boolean onlyMyFace) {
    later(() -> applyView(mirrored, onlyMyFace));
  }

  void setSource(String source) {
    later(
        () -> {
          this.source = source;
          canvas.redraw();
        });
  }

  /** Shows a short note in the status line, e.g. why a control did not work. */
  void notice(String text) {
    later(
        () -> {
          notice = text;
          canvas.redraw();
        });
  }

  /** Closes the window from any thread. */
  void close() {
    later(shell::close);
  }

  boolean isDisposed() {
    return shell.isDisposed();
  }

  // --- UI thread from here on ---

  /** On UI thread: the view settings the menus show. */
  boolean mirrored() {
    return mirrored;
  }

  boolean onlyMyFace() {
    return onlyMyFace;
  }

  /** On UI thread: the newest result shown, or null. */
  FrameResult latest() {
    return shown == null ? null : shown.result();
  }

  void applyView(boolean mirrored, boolean onlyMyFace) {
    boolean flip = mirrored != this.mirrored;
    this.mirrored = mirrored;
    this.onlyMyFace = onlyMyFace;
    if (flip && shown != null) {
      replaceImage(shown.frame());
    }
    canvas.redraw();
  }

  private void render(FrameSlot.Shown next) {
    if (!message.isEmpty()) {
      showMessage("", false); // frames flow again
    }
    shown = next;
    timeline.add(next.result());
    replaceImage(next.frame());
    renders.incrementAndGet();
    canvas.redraw();
  }

  private void replaceImage(Frame frame) {
    if (image != null) {
      image.dispose();
    }
    image = new Image(display, images.toImageData(frame, mirrored));
  }

  private void paint(GC gc) {
    Rectangle client = canvas.getClientArea();
    gc.setBackground(palette.background);
    gc.fillRectangle(client);
    Rectangle imageArea =
        new Rectangle(
            0, STATUS_HEIGHT, client.width, client.height - STATUS_HEIGHT - TIMELINE_HEIGHT);
    paintImage(gc, imageArea);
    paintStatus(gc, client);
    paintMessage(gc, imageArea);
    timelinePainter.paint(
        gc, timeline, new Rectangle(0, client.height - TIMELINE_HEIGHT, client.width, TIMELINE_HEIGHT));
  }

  private void paintImage(GC gc, Rectangle area) {
    if (shown == null || image == null || area.width <= 0 || area.height <= 0) {
      gc.setForeground(palette.dimText);
      drawCentred(gc, "Waiting for frames from " + source, area);
      return;
    }
    Frame frame = shown.frame();
    view = ViewTransform.fit(frame.width(), frame.height(), area, mirrored);
    Rectangle target = view.imageArea();
    gc.drawImage(
        image, 0, 0, frame.width(), frame.height(), target.x, target.y, target.width, target.height);
    faces.paint(gc, shown.result(), view, onlyMyFace);
  }

  private void paintStatus(GC gc, Rectangle client) {
    gc.setBackground(palette.panel);
    gc.fillRectangle(0, 0, client.width, STATUS_HEIGHT);
    gc.setForeground(palette.text);
    String status = StatusLine.format(source, latest(), rate.perSecond());
    Point extent = gc.textExtent(status);
    gc.drawText(status, 8, (STATUS_HEIGHT - extent.y) / 2, true);
    if (!notice.isEmpty()) {
      gc.setForeground(palette.warning);
      int x = Math.max(8 + extent.x + 20, client.width - gc.textExtent(notice).x - 8);
      gc.drawText(notice, x, (STATUS_HEIGHT - extent.y) / 2, true);
    }
  }

  private void paintMessage(GC gc, Rectangle area) {
    if (message.isEmpty()) {
      return;
    }
    Point extent = gc.textExtent(message, SWT.DRAW_DELIMITER);
    int width = extent.x + 40;
    int height = extent.y + 30 + (retry.isVisible() ? retry.getSize().y + 10 : 0);
    int x = area.x + (area.width - width) / 2;
    int y = area.y + (area.height - height) / 2;
    gc.setAlpha(210);
    gc.setBackground(palette.panel);
    gc.fillRectangle(x, y, width, height);
    gc.setAlpha(255);
    gc.setForeground(palette.warning);
    gc.drawText(message, x + 20, y + 15, SWT.DRAW_DELIMITER | SWT.DRAW_TRANSPARENT);
    if (retry.isVisible()) {
      Point size = retry.computeSize(SWT.DEFAULT, SWT.DEFAULT);
      retry.setBounds(x + (width - size.x) / 2, y + extent.y + 25, size.x, size.y);
    }
  }

  private static void drawCentred(GC gc, String text, Rectangle area) {
    Point extent = gc.textExtent(text);
    gc.drawText(
        text,
        area.x + (area.width - extent.x) / 2,
        area.y + (area.height - extent.y) / 2,
        true);
  }

  private void showMessage(String text, boolean withRetry) {
    message = text;
    if (withRetry) {
      retry.setSize(retry.computeSize(SWT.DEFAULT, SWT.DEFAULT));
    }
    retry.setVisible(withRetry);
    canvas.redraw();
  }

  private void retrySource() {
    showMessage("Opening the source again…", false);
    configWork.execute(
        () -> {
          try {
            controls.retrySource();
          } catch (Exception e) {
            sourceFailed("Could not retry: " + e.getMessage());
          }
        });
  }

  private void quitKey(Event e) {
    boolean ours = e.widget instanceof Control c && !c.isDisposed() && c.getShell() == shell;
    if (ours && (e.character == 'q' || e.keyCode == SWT.ESC)) {
      e.doit = false;
      shell.close();
    }
  }

  private void disposeResources(Runnable onClosed) {
    display.removeFilter(SWT.KeyDown, quitKeys);
    if (image != null) {
      image.dispose();
      image = null;
    }
    palette.close();
    onClosed.run();
  }

  /** Runs on the UI thread later; dropped when the window is already gone. */
  private void later(Runnable task) {
    try {
      display.asyncExec(
          () -> {
            if (!shell.isDisposed()) {
              task.run();
            }
          });
    } catch (SWTException e) {
      // The display is disposed: the window is closing, nothing left to show.
    }
  }

  // --- for tests (UI thread) ---

  Shell shell() {
    return shell;
  }

  Canvas canvas() {
    return canvas;
  }

  Button retryButton() {
    return retry;
  }

  String message() {
    return message;
  }

  /** Where the last frame was drawn, or null before the first one. */
  ViewTransform view() {
    return view;
  }

  /** How many frames reached the UI thread (repaints made). */
  long renders() {
    return renders.get();
  }
}

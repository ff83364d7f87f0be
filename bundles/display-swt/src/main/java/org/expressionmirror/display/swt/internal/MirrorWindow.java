package org.expressionmirror.display.swt.internal;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.eclipse.swt.SWT;
import org.eclipse.swt.SWTException;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Pattern;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.graphics.Transform;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.swt.widgets.Shell;
import org.expressionmirror.api.FaceResult;
import org.expressionmirror.api.Frame;
import org.expressionmirror.api.FrameResult;
import org.expressionmirror.api.RunSummary;
import org.expressionmirror.api.teach.Teacher;

/**
 * The mirror window: status line, the image with face frames and readings, and the timeline
 * strip. Create it on the UI thread; the public-to-the-package methods without "on UI thread" in
 * their comment may be called from any thread and never block.
 */
final class MirrorWindow {
  /** Between a message box and the foot of the picture it is drawn over. */
  private static final int MESSAGE_MARGIN = 12;
  /** Height of one status line; the status takes as many as the window's width needs. */
  static final int STATUS_HEIGHT = 26;
  static final int TIMELINE_HEIGHT = 146;
  static final String ADVICE =
      "Close other programs using the camera, or try another camera index.";
  static final String VIDEO_ENDED = "The video ended";
  static final String SOURCE_ENDED = "The source ended";
  static final String PLAY_AGAIN = "Play again";
  static final String RETRY = "Retry";
  static final String OPEN_CAMERA = "Open this camera";
  private static final int STATUS_PAD = 8;
  /** The status line's frame rate and times: twice a second is as often as anyone reads them. */
  static final int STATUS_PERIOD_MS = 500;
  /** The timeline's lines: four times a second still looks like a moving plot. */
  static final int TIMELINE_PERIOD_MS = 250;

  private final Display display;
  private final Shell shell;
  private final Canvas canvas;
  private final Button retry;
  private final Combo cameras;
  private final Palette palette;
  private final FacePainter faces;
  private final InputPainter inputs;
  private final NeutralBaseline neutral = new NeutralBaseline();
  private final BaselineView baseline;
  private final TeachView teach;
  private final TimelinePainter timelinePainter;
  private final Timeline timeline = new Timeline();
  private final RateMeter rate = new RateMeter();
  private final Agreement agreement = new Agreement();
  private final FrameSlot slot;
  private final FrameCopies copies = new FrameCopies();
  private final Controls controls;
  private final Executor configWork;
  private final Listener quitKeys = this::key;
  private final AtomicLong renders = new AtomicLong();
  private final PaintThrottle statusPaint;
  private final PaintThrottle timelinePaint;
  private final ShownTiming timing;

  // UI-thread state.
  /** The frame as an image and fill pattern: how the frame is drawn (see paintImage). */
  private final FrameSurface surface;
  private Pattern pattern;
  /** Scales the frame into place, flipped in the mirror view; made on first use. */
  private Transform place;
  private FrameSlot.Shown shown;
  /** How many renders there had been when a frame was last painted: a screenshot waits for it. */
  private long paintedRenders;
  private boolean mirrored;
  private boolean onlyMyFace;
  private boolean modelInput;
  private String source = "";
  private String message = "";
  private String notice = "";
  private ViewTransform view;
  private int statusHeight = STATUS_HEIGHT;
  private List<String> statusLines = List.of();

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
    this(display, mirrored, onlyMyFace, controls, choices, configWork, () -> null, onClosed, ShownTiming.OFF);
  }

  /**
   * On UI thread.
   *
   * @param teacher Teach mode's service, or null while there is none
   * @param timing notes when frames are shown ({@code -Dmirror.timing=true})
   */
  MirrorWindow(
      Display display,
      boolean mirrored,
      boolean onlyMyFace,
      Controls controls,
      Choices choices,
      Executor configWork,
      Supplier<Teacher> teacher,
      Runnable onClosed,
      ShownTiming timing) {
    this.timing = timing;
    this.display = display;
    this.mirrored = mirrored;
    this.onlyMyFace = onlyMyFace;
    this.controls = controls;
    this.configWork = configWork;
    palette = new Palette(display);
    surface = new FrameSurface(display);
    faces = new FacePainter(palette, neutral);
    inputs = new InputPainter(palette);
    timelinePainter = new TimelinePainter(palette);
    shell = new Shell(display);
    shell.setText("Expression Mirror");
    shell.setLayout(new FillLayout());
    canvas = new Canvas(shell, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
    baseline = new BaselineView(display, canvas, palette, neutral);
    teach = new TeachView(display, shell, canvas, palette, teacher, controls, configWork, this::latest);
    canvas.addListener(SWT.Paint, e -> paint(e.gc, new Rectangle(e.x, e.y, e.width, e.height)));
    statusPaint = new PaintThrottle(STATUS_PERIOD_MS, System::nanoTime, this::timer, () -> redraw(statusBand()));
    timelinePaint =
        new PaintThrottle(TIMELINE_PERIOD_MS, System::nanoTime, this::timer, () -> redraw(timelineBand()));
    retry = new Button(canvas, SWT.PUSH);
    retry.setText(RETRY);
    retry.setVisible(false);
    retry.addListener(SWT.Selection, e -> retrySource());
    cameras = new Combo(canvas, SWT.READ_ONLY | SWT.DROP_DOWN);
    for (int i = 0; i < WindowMenus.CAMERAS; i++) {
      cameras.add("Camera " + i);
    }
    cameras.setVisible(false);
    slot = new FrameSlot(this::later, this::render, painted -> copies.giveBack(painted.frame()));
    new WindowMenus(this, shell, controls, choices, configWork);
    display.addFilter(SWT.KeyDown, quitKeys);
    shell.addListener(SWT.Dispose, e -> disposeResources(onClosed));
    shell.setSize(1240, 780);
  }

  /** On UI thread. */
  void open() {
    shell.open();
  }

  /**
   * Called on the pipeline thread; returns at once, the newest frame wins. The frame's pixels are
   * read during the call only: what is painted later is a copy.
   */
  void offer(Frame frame, FrameResult result) {
    offer(new FrameSlot.Shown(frame, result));
  }

  /** As {@link #offer(Frame, FrameResult)}, with what the model was fed for each face. */
  void offer(FrameSlot.Shown next) {
    timing.offered(next.frame());
    rate.tick(System.nanoTime());
    // every frame counts, also those a busy window never paints
    agreement.add(next.result());
    // every frame, also one the UI drops, counts towards a neutral baseline being recorded
    neutral.add(next.result(), System.nanoTime());
    // every frame, also one the UI drops, may give Teach mode a sample
    teach.offer(next.frame(), next.result());
    slot.offer(next.with(copies.copy(next.frame())));
  }

  /** Turns "show what the model sees" on or off, from any thread (the configuration). */
  void setModelInput(boolean on) {
    later(() -> applyModelInput(on));
  }

  /**
   * Shows why the source failed, with a button to try again; for a camera also the advice and
   * a chooser of the other cameras.
   */
  void sourceFailed(String failure) {
    later(() -> showFailure(failure));
  }

  /** A file that ended says so and offers to play it again; a failed run shows the failure. */
  void ended(RunSummary summary) {
    if (summary.failed()) {
      sourceFailed(summary.error());
    } else {
      later(() -> showMessage(endedTitle() + ": " + summary.source(), PLAY_AGAIN));
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

  /** On UI thread: the neutral baseline's keys, menu actions and drawing. */
  BaselineView baseline() {
    return baseline;
  }

  /** On UI thread: Teach mode's keys, menu and drawing. */
  TeachView teach() {
    return teach;
  }

  /** On UI thread: whether the model's input is shown beside each face. */
  boolean modelInput() {
    return modelInput;
  }

  /** On UI thread: shows or hides the input at once and asks for it (or no longer) by configuration. */
  void toggleModelInput(boolean on) {
    applyModelInput(on);
    configWork.execute(
        () -> {
          try {
            controls.setModelInput(on);
            notice("");
          } catch (Exception e) {
            notice("Could not show what the model sees: " + e.getMessage());
          }
        });
  }

  private void applyModelInput(boolean on) {
    modelInput = on;
    canvas.redraw();
  }

  /** On UI thread: the newest result shown, or null. */
  FrameResult latest() {
    return shown == null ? null : shown.result();
  }

  void applyView(boolean mirrored, boolean onlyMyFace) {
    // the image is flipped when drawn: the same image serves both views
    this.mirrored = mirrored;
    this.onlyMyFace = onlyMyFace;
    canvas.redraw();
  }

  private void render(FrameSlot.Shown next) {
    // frames flow again; the same frame shown once more (a view's late replay) is not news
    boolean again = shown != null && shown.result() == next.result();
    if (!message.isEmpty() && !again) {
      showMessage("", null);
    }
    shown = next;
    inputs.replace(display, next.inputs());
    timeline.add(next.result());
    replaceImage(next.frame());
    renders.incrementAndGet();
    // only the image with its faces changes with every frame; the status line and the timeline
    // follow at their own pace
    redraw(imageBand());
    statusPaint.changed();
    timelinePaint.changed();
  }

  private Rectangle statusBand() {
    return new Rectangle(0, 0, canvas.getClientArea().width, statusHeight);
  }

  private Rectangle imageBand() {
    Rectangle client = canvas.getClientArea();
    return new Rectangle(0, statusHeight, client.width, client.height - statusHeight - TIMELINE_HEIGHT);
  }

  private Rectangle timelineBand() {
    Rectangle client = canvas.getClientArea();
    return new Rectangle(0, client.height - TIMELINE_HEIGHT, client.width, TIMELINE_HEIGHT);
  }

  private void redraw(Rectangle band) {
    if (!canvas.isDisposed() && band.width > 0 && band.height > 0) {
      canvas.redraw(band.x, band.y, band.width, band.height, false);
    }
  }

  /** Display::timerExec for the throttles; nothing once the window is gone. */
  private void timer(int millis, Runnable task) {
    try {
      display.timerExec(
          millis,
          () -> {
            if (!shell.isDisposed()) {
              task.run();
            }
          });
    } catch (SWTException e) {
      // The display is disposed: nothing left to repaint.
    }
  }

  private void replaceImage(Frame frame) {
    // never flipped here: the paint flips it for free while scaling (no per-frame pixel loop)
    pattern = surface.show(frame);
  }

  /** Paints the parts of the window that meet {@code damage}, the area SWT asks for. */
  private void paint(GC gc, Rectangle damage) {
    Rectangle client = canvas.getClientArea();
    if (damage.y < statusHeight) {
      List<String> status = statusLines(gc, client.width);
      int height = Math.max(STATUS_HEIGHT, status.size() * gc.getFontMetrics().getHeight() + STATUS_PAD);
      statusLines = status;
      if (height != statusHeight) {
        // the image and its faces move: all of the window, with the new layout
        statusHeight = height;
        if (!damage.contains(client.x, client.y) || damage.width < client.width || damage.height < client.height) {
          canvas.redraw();
          return;
        }
      }
      paintStatus(gc, client, status);
    }
    Rectangle imageArea =
        new Rectangle(
            0, statusHeight, client.width, client.height - statusHeight - TIMELINE_HEIGHT);
    if (damage.intersects(imageArea)) {
      gc.setBackground(palette.background);
      gc.fillRectangle(imageArea);
      paintImage(gc, imageArea);
      paintMessage(gc, imageArea);
      baseline.paint(gc, imageArea);
      teach.paint(gc, imageArea);
    }
    Rectangle timelineArea = timelineBand();
    if (damage.intersects(timelineArea)) {
      timelinePainter.paint(gc, timeline, timelineArea);
    }
  }

  private void paintImage(GC gc, Rectangle area) {
    if (shown == null || pattern == null || area.width <= 0 || area.height <= 0) {
      if (message.isEmpty()) { // a message (failure, end) says more than "waiting"
        gc.setForeground(palette.dimText);
        drawCentred(gc, "Waiting for frames from " + source, area);
      }
      return;
    }
    Frame frame = shown.frame();
    view = ViewTransform.fit(frame.width(), frame.height(), area, mirrored);
    Rectangle target = view.imageArea();
    // SWT 3.132's GC.drawImage reads the whole image back into a new ImageData on every call
    // (a frame-sized copy and a per-pixel loop, only to learn its size); a fill with the image
    // as pattern draws the same pixels straight from its surface, scaled and, in the mirror
    // view, flipped by the transform: no pixel loop of ours or SWT's per paint
    if (place == null) {
      place = new Transform(display);
    }
    float scaleX = (float) target.width / frame.width();
    float scaleY = (float) target.height / frame.height();
    place.setElements(
        mirrored ? -scaleX : scaleX, 0, 0, scaleY, mirrored ? target.x + target.width : target.x, target.y);
    gc.setTransform(place);
    gc.setBackgroundPattern(pattern);
    gc.fillRectangle(0, 0, frame.width(), frame.height());
    gc.setBackgroundPattern(null);
    gc.setTransform(null);
    Map<Integer, Rectangle> panels = faces.paint(gc, shown.result(), view, onlyMyFace);
    if (modelInput) {
      paintInputs(gc, shown.result(), view, panels);
    }
    timing.painted(frame);
    paintedRenders = renders.get();
  }

  /** Beside each face whose readings are shown, under them, the input its model received. */
  private void paintInputs(GC gc, FrameResult result, ViewTransform view, Map<Integer, Rectangle> panels) {
    Rectangle area = view.imageArea();
    for (FaceResult face : result.faces()) {
      Rectangle panel = panels.get(face.track());
      if (panel != null && inputs.has(face.track())) {
        inputs.paint(gc, face.track(), panel, view.toView(face.box()), area);
      }
    }
  }

  /**
   * The status fields in lines that fit {@code width}; a notice (why a control did not work) is
   * the last field, so it wraps like the rest.
   */
  private List<String> statusLines(GC gc, int width) {
    List<String> fields = new java.util.ArrayList<>(StatusLine.fields(source, latest(), rate.perSecond()));
    String agree = agreement.text();
    if (!agree.isEmpty() && latest() != null && latest().compare() != null) {
      fields.add(5, agree); // right after the B ids it is about
    }
    if (!baseline.status().isEmpty()) {
      fields.add(baseline.status());
    }
    if (!teach.status().isEmpty()) {
      fields.add(teach.status());
    }
    if (!notice.isEmpty()) {
      fields.add(notice);
    }
    return StatusLine.lines(fields, Math.max(1, width - 2 * STATUS_PAD), t -> gc.textExtent(t).x);
  }

  private void paintStatus(GC gc, Rectangle client, List<String> lines) {
    gc.setBackground(palette.panel);
    gc.fillRectangle(0, 0, client.width, statusHeight);
    int lineHeight = gc.getFontMetrics().getHeight();
    int y = (statusHeight - lines.size() * lineHeight) / 2;
    for (String line : lines) {
      int noticeAt = notice.isEmpty() ? -1 : line.lastIndexOf(notice);
      String plain = noticeAt < 0 ? line : line.substring(0, noticeAt);
      gc.setForeground(palette.text);
      gc.drawText(plain, STATUS_PAD, y, true);
      if (noticeAt >= 0) {
        gc.setForeground(palette.warning);
        gc.drawText(notice, STATUS_PAD + gc.textExtent(plain).x, y, true);
      }
      y += lineHeight;
    }
  }

  private void paintMessage(GC gc, Rectangle area) {
    if (message.isEmpty()) {
      return;
    }
    Point extent = gc.textExtent(message, SWT.DRAW_DELIMITER);
    Point button = retry.isVisible() ? retry.computeSize(SWT.DEFAULT, SWT.DEFAULT) : new Point(0, 0);
    Point chooser = cameras.isVisible() ? cameras.computeSize(SWT.DEFAULT, SWT.DEFAULT) : new Point(0, 0);
    int controls = chooser.x + (chooser.x > 0 ? 10 : 0) + button.x;
    int width = Math.max(extent.x, controls) + 40;
    int height = extent.y + 30 + (controls > 0 ? Math.max(button.y, chooser.y) + 10 : 0);
    int x = area.x + (area.width - width) / 2;
    int y = messageTop(area, height);
    gc.setAlpha(210);
    gc.setBackground(palette.panel);
    gc.fillRectangle(x, y, width, height);
    gc.setAlpha(255);
    gc.setForeground(palette.warning);
    gc.drawText(message, x + 20, y + 15, SWT.DRAW_DELIMITER | SWT.DRAW_TRANSPARENT);
    int left = x + (width - controls) / 2;
    int top = y + extent.y + 25;
    if (cameras.isVisible()) {
      cameras.setBounds(left, top, chooser.x, chooser.y);
      left += chooser.x + 10;
    }
    if (retry.isVisible()) {
      retry.setBounds(left, top, button.x, button.y);
    }
  }

  /**
   * Where a message box starts: over a picture (a video's last frame, a photo) at its foot, so
   * that its faces and their readings stay in view; without one in the middle of the area.
   */
  private int messageTop(Rectangle area, int height) {
    if (shown == null || pattern == null || view == null) {
      return Math.max(area.y, area.y + (area.height - height) / 2);
    }
    Rectangle picture = view.imageArea();
    int bottom = Math.min(picture.y + picture.height, area.y + area.height) - MESSAGE_MARGIN;
    return Math.max(area.y, bottom - height);
  }

  private static void drawCentred(GC gc, String text, Rectangle area) {
    Point extent = gc.textExtent(text);
    gc.drawText(
        text,
        area.x + (area.width - extent.x) / 2,
        area.y + (area.height - extent.y) / 2,
        true);
  }

  /** Shows {@code text} over the image with a button labelled {@code action} (none when null). */
  private void showMessage(String text, String action) {
    message = text;
    if (action != null) {
      retry.setText(action);
      retry.setSize(retry.computeSize(SWT.DEFAULT, SWT.DEFAULT));
    }
    retry.setVisible(action != null);
    cameras.setVisible(false);
    canvas.redraw();
  }

  private void showFailure(String failure) {
    // the source's name may not have reached the window yet; the capture's message names the camera
    int named = cameraIndex(failure.replaceFirst("(?s)^camera (\\d+).*", "camera:$1"));
    int camera = named >= 0 ? named : cameraIndex(source);
    if (camera < 0) {
      showMessage(failure, RETRY);
      return;
    }
    showMessage(failure + "\n" + ADVICE, OPEN_CAMERA);
    for (int i = cameras.getItemCount(); i <= camera; i++) {
      cameras.add("Camera " + i); // a camera named on the command line beyond the menu's
    }
    cameras.select(camera);
    cameras.setVisible(true);
    canvas.redraw();
  }

  /** "The video ended" for a video file; a folder or a photo has no video to end. */
  private String endedTitle() {
    try {
      Path path = Path.of(source);
      return cameraIndex(source) < 0 && !Files.isDirectory(path) && !isImageName(source)
          ? VIDEO_ENDED
          : SOURCE_ENDED;
    } catch (InvalidPathException e) {
      return SOURCE_ENDED;
    }
  }

  private static final java.util.Set<String> IMAGE_TYPES =
      java.util.Set.of("jpg", "jpeg", "png", "bmp", "tif", "tiff", "webp", "pgm", "ppm", "pnm");

  private static boolean isImageName(String name) {
    int dot = name.lastIndexOf('.');
    return dot >= 0 && IMAGE_TYPES.contains(name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT));
  }

  /** N of {@code camera:N}, or -1 for any other source. */
  static int cameraIndex(String source) {
    if (!source.startsWith("camera:")) {
      return -1;
    }
    try {
      return Integer.parseInt(source.substring("camera:".length()).strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * The message's button: opens the camera picked in the chooser when it is shown, else the same
   * source again (retry after a failure, or play an ended file again).
   */
  private void retrySource() {
    int camera = cameras.isVisible() ? cameras.getSelectionIndex() : -1;
    showMessage(camera >= 0 ? "Opening camera " + camera + "…" : "Opening the source again…", null);
    configWork.execute(
        () -> {
          try {
            if (camera >= 0) {
              controls.openCamera(camera);
            } else {
              controls.retrySource();
            }
          } catch (Exception e) {
            sourceFailed("Could not open the source: " + e.getMessage());
          }
        });
  }

  /** q or Escape quits; i shows or hides what the model sees; the baseline has its own keys. */
  private void key(Event e) {
    boolean ours = e.widget instanceof Control c && !c.isDisposed() && c.getShell() == shell;
    if (ours && (e.character == 'q' || e.keyCode == SWT.ESC)) {
      e.doit = false;
      shell.close();
    } else if (ours && e.character == 'i') {
      e.doit = false;
      toggleModelInput(!modelInput);
    } else if (ours && baseline.key(e)) {
      e.doit = false;
    } else if (ours && teach.key(e)) {
      e.doit = false;
    }
  }

  private void disposeResources(Runnable onClosed) {
    display.removeFilter(SWT.KeyDown, quitKeys);
    pattern = null;
    surface.close();
    teach.close();
    if (place != null) {
      place.dispose();
      place = null;
    }
    inputs.close();
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

  Combo cameraChooser() {
    return cameras;
  }

  /** The timeline's time axis now. */
  TimeScale timeScale() {
    return timeline.scale();
  }

  /** The status lines at the last paint. */
  List<String> statusLines() {
    return statusLines;
  }

  /** Height of the status lines at the last paint. */
  int statusHeight() {
    return statusHeight;
  }

  String message() {
    return message;
  }

  /** Where the last frame was drawn, or null before the first one. */
  ViewTransform view() {
    return view;
  }

  /** Whether frames of one size are written into one image in place (FrameSurface). */
  boolean framesInPlace() {
    return surface.inPlace();
  }

  /** How many renders there had been when a frame was last painted (0 before the first paint). */
  long paintedRenders() {
    return paintedRenders;
  }

  /** How many frames reached the UI thread (repaints made). */
  long renders() {
    return renders.get();
  }
}

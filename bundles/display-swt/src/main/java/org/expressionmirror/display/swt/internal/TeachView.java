package org.expressionmirror.display.swt.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.expressionmirror.api.Box;
import org.expressionmirror.api.Expressions;
import org.expressionmirror.api.FaceResult;
import org.expressionmirror.api.Frame;
import org.expressionmirror.api.FrameResult;
import org.expressionmirror.api.teach.TeachCounts;
import org.expressionmirror.api.teach.TeachResult;
import org.expressionmirror.api.teach.Teacher;

/**
 * Teach mode in the window: pick an expression, hold it for three seconds while the main face's
 * features are recorded (by the {@link Teacher}: features only, in memory), train, and the
 * personal model is selected as the model through Config Admin as the Model menu does. Keys
 * while the panel is open: 1-8 choose the expression, H holds, Enter trains, S saves; T opens and
 * closes the panel. UI thread, except {@link #offer}.
 */
final class TeachView implements AutoCloseable {
  static final String TITLE = "Expression Mirror";
  static final long HOLD_NANOS = TimeUnit.SECONDS.toNanos(3);
  private static final int TICK_MS = 250;

  private final Display display;
  private final Shell shell;
  private final Canvas canvas;
  private final TeachPainter painter;
  private final Supplier<Teacher> teacher;
  private final Controls controls;
  private final Supplier<FrameResult> latest;
  // Teacher calls take milliseconds (features) to seconds (training): never on the UI or the
  // pipeline thread
  private final ExecutorService work = Executors.newSingleThreadExecutor(r -> new Thread(r, "mirror-teach"));
  private final AtomicBoolean busy = new AtomicBoolean();
  private final AtomicInteger recorded = new AtomicInteger();
  /** When the hold under way ends (System.nanoTime), 0 when none; read on the pipeline thread. */
  private volatile long holdUntil;
  private volatile String holding = "";

  private final Executor configWork;

  // UI-thread state
  private boolean open;
  private String expression = Expressions.HAPPINESS;
  private TeachCounts counts;
  private TeachResult result;
  private String message = "";
  /** The model in use before the personal one was selected: Forget goes back to it. */
  private String before = "";

  TeachView(
      Display display,
      Shell shell,
      Canvas canvas,
      Palette palette,
      Supplier<Teacher> teacher,
      Controls controls,
      Executor configWork,
      Supplier<FrameResult> latest) {
    this.configWork = configWork;
    this.display = display;
    this.shell = shell;
    this.canvas = canvas;
    this.painter = new TeachPainter(palette);
    this.teacher = teacher;
    this.controls = controls;
    this.latest = latest;
  }

  /**
   * Pipeline thread: while a hold is under way, the main face of this frame goes to the teacher
   * (one at a time; frames that come while one is computed are skipped). Only the teacher sees the
   * frame, and it keeps the features. The pipeline lends the frame's pixels for this call only:
   * the teacher, on a thread of its own, gets a copy.
   */
  void offer(Frame frame, FrameResult result) {
    long until = holdUntil;
    Teacher t = teacher.get();
    if (until == 0 || System.nanoTime() > until || t == null) {
      return;
    }
    Optional<FaceResult> main = Box.largestOf(result.faces(), FaceResult::box);
    if (main.isEmpty() || !busy.compareAndSet(false, true)) {
      return;
    }
    String label = holding;
    Frame own =
        new Frame(frame.index(), frame.timeMs(), frame.width(), frame.height(), frame.bgr().clone(), frame.name());
    try {
      work.execute(() -> record(t, label, own, main.get()));
    } catch (RejectedExecutionException e) {
      busy.set(false); // closing
    }
  }

  private void record(Teacher t, String label, Frame frame, FaceResult face) {
    try {
      TeachCounts c = t.record(label, frame, face.box());
      recorded.incrementAndGet();
      later(() -> counts = c);
    } catch (RuntimeException e) {
      holdUntil = 0;
      later(() -> say(e.getMessage()));
    } finally {
      busy.set(false);
    }
  }

  /** Handles the teach keys; returns whether the key was one. */
  boolean key(Event e) {
    if (e.character == 't' || e.character == 'T') {
      setOpen(!open);
      return true;
    }
    if (!open) {
      return false;
    }
    if (e.character >= '1' && e.character < '1' + Expressions.CANONICAL.size()) {
      choose(Expressions.CANONICAL.get(e.character - '1'));
    } else if (e.character == 'h' || e.character == 'H') {
      hold();
    } else if (e.keyCode == SWT.CR || e.keyCode == SWT.KEYPAD_CR) {
      train();
    } else if (e.character == 's' || e.character == 'S') {
      save();
    } else {
      return false;
    }
    return true;
  }

  void setOpen(boolean on) {
    open = on;
    if (on && teacher.get() == null) {
      say("Teach mode needs the training bundle, which this variant does not have.");
    } else if (on) {
      Teacher t = teacher.get();
      counts = t.counts();
      submit(t::prepare); // the backbone loads while the user picks an expression
    }
    canvas.redraw();
  }

  void choose(String label) {
    expression = label;
    open = true;
    canvas.redraw();
  }

  /** Starts three seconds of recording {@link #expression}. */
  void hold() {
    if (teacher.get() == null) {
      setOpen(true);
      return;
    }
    open = true;
    boolean ticking = holdUntil != 0;
    holding = expression;
    recorded.set(0);
    message = "";
    holdUntil = System.nanoTime() + HOLD_NANOS;
    if (!ticking) {
      tick();
    }
  }

  /** Trains on what was recorded; the personal model then becomes the model in use. */
  void train() {
    Teacher t = teacher.get();
    open = true;
    if (t == null) {
      setOpen(true);
      return;
    }
    TeachCounts c = t.counts();
    if (!c.ready()) {
      say(c.missing());
      return;
    }
    FrameResult now = latest.get();
    String current = now == null ? "" : Ids.base(now.model());
    say("Training the personal model on " + c.total() + " samples…");
    submit(() -> {
      TeachResult r = t.train();
      later(() -> {
        if (!current.isEmpty() && !current.equals(Teacher.MODEL_ID)) {
          before = current;
        }
        result = r;
        shell.setText(TITLE + " · " + accuracyText(r));
        say("");
      });
      // the model is trained and registered whatever happens next (e.g. a variant locking the
      // model): the selection is a Config Admin edit, queued with the menus' own edits
      edit(() -> controls.select(Choices.Kind.MODEL, Teacher.MODEL_ID));
    });
  }

  /** Drops the samples and the personal model; the model in use before it is selected again. */
  void forget() {
    Teacher t = teacher.get();
    if (t == null) {
      return;
    }
    holdUntil = 0; // a hold under way ends: no sample after "Forgotten"
    String back = before;
    FrameResult now = latest.get();
    boolean inUse = now != null && Ids.base(now.model()).equals(Teacher.MODEL_ID);
    // on the Config Admin queue: the model in use before is selected again before 'personal' goes
    edit(() -> {
      if (inUse && !back.isEmpty()) {
        controls.select(Choices.Kind.MODEL, back);
      }
      t.forget();
      TeachCounts c = t.counts();
      later(() -> {
        counts = c;
        result = null;
        shell.setText(TITLE);
        say("Forgotten: no samples, no personal model.");
      });
    });
  }

  /** Asks for a name, then writes the personal model into the user's models folder. */
  void save() {
    Teacher t = teacher.get();
    if (t == null || result == null) {
      say("Train first: there is no personal model to save.");
      return;
    }
    SaveDialog.open(shell, "my-face", name -> submit(() -> {
      String file = t.save(name);
      later(() -> say("Saved as " + file + ": one of your models from now on (Model menu)."));
    }));
  }

  /** The Teach menu's items, rebuilt each time it opens. */
  void fillMenu(Menu menu) {
    Teacher t = teacher.get();
    MenuItem mode = new MenuItem(menu, SWT.CHECK);
    mode.setText("Teach &mode\tT");
    mode.setSelection(open);
    mode.addListener(SWT.Selection, e -> setOpen(mode.getSelection()));
    if (t == null) {
      item(menu, "(needs the training bundle)", () -> {}).setEnabled(false);
      return;
    }
    TeachCounts c = t.counts();
    new MenuItem(menu, SWT.SEPARATOR);
    for (int i = 0; i < Expressions.CANONICAL.size(); i++) {
      String label = Expressions.CANONICAL.get(i);
      MenuItem item = new MenuItem(menu, SWT.RADIO);
      item.setText(label + " (" + c.of(label) + ")\t" + (i + 1));
      item.setSelection(label.equals(expression));
      item.addListener(SWT.Selection, e -> {
        if (item.getSelection()) {
          choose(label);
        }
      });
    }
    new MenuItem(menu, SWT.SEPARATOR);
    item(menu, "&Hold the expression for 3 s\tH", this::hold);
    item(menu, "T&rain the personal model\tEnter", this::train).setEnabled(c.ready());
    item(menu, "&Save the personal model…\tS", this::save).setEnabled(result != null);
    item(menu, "&Forget samples and model", this::forget).setEnabled(c.total() > 0 || result != null);
  }

  /** The status line's word, empty when teach mode is not in use. */
  String status() {
    if (holdUntil != 0) {
      return "teaching: " + holding;
    }
    return result == null ? "" : accuracyText(result);
  }

  static String accuracyText(TeachResult r) {
    return String.format(Locale.ROOT, "personal model: %.0f %% cross-validated on your samples", r.accuracy() * 100);
  }

  /** The countdown while holding, and the panel while teach mode is open. */
  void paint(GC gc, Rectangle area) {
    if (holdUntil != 0) {
      double left = Math.max(0, (holdUntil - System.nanoTime()) / 1e9);
      painter.banner(gc, area, String.format(Locale.ROOT, "Hold %s: %.1f s", holding, left), left / (HOLD_NANOS / 1e9), holding);
    }
    if (open) {
      painter.panel(gc, area, lines(), !message.isEmpty());
    }
  }

  /** The panel's lines. */
  List<String> lines() {
    List<String> lines = new ArrayList<>();
    lines.add("Teach mode (T closes) · expression: " + expression + " (1-8 choose: " + String.join(" ", numbered()) + ")");
    TeachCounts c = counts;
    if (c == null || c.total() == 0) {
      lines.add("No samples yet. H: hold " + expression + " for 3 s while your face is in view.");
    } else {
      List<String> per = new ArrayList<>();
      c.perLabel().forEach((l, n) -> per.add(l + " " + n));
      lines.add("Samples: " + String.join(" · ", per) + " (train needs 2 expressions with " + c.minimum() + " or more)");
    }
    lines.add("H: hold " + expression + " for 3 s · Enter: train · S: save · Teach menu: forget");
    if (result != null) {
      lines.add(String.format(Locale.ROOT, "%s (%d folds, %d samples of %s, trained in %.1f s); in use as model '%s'",
          accuracyText(result), result.folds(), result.samples(), String.join(", ", result.labels()), result.seconds(), Teacher.MODEL_ID));
    }
    if (!message.isEmpty()) {
      lines.add(message);
    }
    return lines;
  }

  private static List<String> numbered() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < Expressions.CANONICAL.size(); i++) {
      out.add((i + 1) + " " + Expressions.CANONICAL.get(i));
    }
    return out;
  }

  /** Repaints the countdown and ends the hold on time, also when no frame comes. */
  private void tick() {
    if (canvas.isDisposed()) {
      return;
    }
    if (holdUntil != 0 && System.nanoTime() >= holdUntil) {
      holdUntil = 0;
      Teacher t = teacher.get();
      counts = t == null ? counts : t.counts();
      if (recorded.get() == 0) {
        message = "No face seen in 3 s: nothing recorded for " + holding + ".";
      }
    }
    canvas.redraw();
    if (holdUntil != 0) {
      display.timerExec(TICK_MS, this::tick);
    }
  }

  private void say(String text) {
    message = text == null ? "" : text;
    canvas.redraw();
  }

  private interface Work {
    void run() throws Exception;
  }

  /** A Config Admin edit, queued with the window menus' edits so that none overwrites another. */
  private void edit(Work task) {
    configWork.execute(() -> {
      try {
        task.run();
      } catch (Exception e) {
        later(() -> say(e.getMessage()));
      }
    });
  }

  private void submit(Work task) {
    try {
      work.execute(() -> {
        try {
          task.run();
        } catch (Exception e) {
          later(() -> say(e.getMessage()));
        }
      });
    } catch (RejectedExecutionException e) {
      // the window is closing
    }
  }

  private static MenuItem item(Menu menu, String text, Runnable action) {
    MenuItem item = new MenuItem(menu, SWT.PUSH);
    item.setText(text);
    item.addListener(SWT.Selection, e -> action.run());
    return item;
  }

  private void later(Runnable task) {
    try {
      display.asyncExec(() -> {
        if (!shell.isDisposed()) {
          task.run();
        }
      });
    } catch (org.eclipse.swt.SWTException e) {
      // the display is gone
    }
  }

  /** Stops the teach thread; the teacher keeps its samples (the service outlives the window). */
  @Override
  public void close() {
    holdUntil = 0;
    work.shutdownNow();
  }
}

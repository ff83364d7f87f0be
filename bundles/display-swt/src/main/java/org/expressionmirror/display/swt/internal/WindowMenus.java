package org.expressionmirror.display.swt.internal;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.Executor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.expressionmirror.api.FrameResult;

/**
 * The menu bar. Radio items are rebuilt each time a menu opens, from the services registered at
 * that moment and the configuration in force, so edits made elsewhere show up. Every choice is a
 * Config Admin edit run off the UI thread.
 */
final class WindowMenus {
  static final int CAMERAS = 5;
  static final double[] SMOOTHING_SECONDS = {0.25, 0.5, 1, 2, 4};

  /** A Config Admin edit. */
  interface Edit {
    void run() throws IOException;
  }

  private final MirrorWindow window;
  private final Shell shell;
  private final Controls controls;
  private final Choices choices;
  private final Executor configWork;

  WindowMenus(
      MirrorWindow window, Shell shell, Controls controls, Choices choices, Executor configWork) {
    this.window = window;
    this.shell = shell;
    this.controls = controls;
    this.choices = choices;
    this.configWork = configWork;
    Menu bar = new Menu(shell, SWT.BAR);
    shell.setMenuBar(bar);
    dynamicMenu(bar, "&Camera", this::fillCameras);
    for (Choices.Kind kind : Choices.Kind.values()) {
      dynamicMenu(bar, "&" + title(kind), menu -> fillKind(menu, kind));
    }
    dynamicMenu(bar, "&Teach", menu -> window.teach().fillMenu(menu));
    dynamicMenu(bar, "&View", this::fillView);
  }

  private interface Filler {
    void fill(Menu menu);
  }

  private void dynamicMenu(Menu bar, String title, Filler filler) {
    MenuItem header = new MenuItem(bar, SWT.CASCADE);
    header.setText(title);
    Menu menu = new Menu(shell, SWT.DROP_DOWN);
    header.setMenu(menu);
    menu.addListener(
        SWT.Show,
        e -> {
          for (MenuItem item : menu.getItems()) {
            item.dispose();
          }
          filler.fill(menu);
        });
  }

  private void fillCameras(Menu menu) {
    String current =
        read(() -> controls.source().orElse(Controls.DEFAULT_SOURCE), Controls.DEFAULT_SOURCE);
    for (int i = 0; i < CAMERAS; i++) {
      int index = i;
      radio(menu, "Camera " + i, current.equals("camera:" + i), () -> controls.selectCamera(index));
    }
    new MenuItem(menu, SWT.SEPARATOR);
    MenuItem retry = new MenuItem(menu, SWT.PUSH);
    retry.setText("&Reopen the source");
    retry.addListener(SWT.Selection, e -> edit("reopen the source", controls::retrySource));
  }

  private void fillKind(Menu menu, Choices.Kind kind) {
    List<String> ids = choices.ids(kind);
    String current = current(kind);
    boolean open = lockNote(menu, Controls.PIPELINE, kind.key);
    if (ids.isEmpty()) {
      MenuItem none = new MenuItem(menu, SWT.PUSH);
      none.setText("(none available)");
      none.setEnabled(false);
    }
    for (String id : ids) {
      radio(menu, id, id.equals(current), () -> controls.select(kind, id)).setEnabled(open);
    }
    if (kind == Choices.Kind.SMOOTHER) {
      new MenuItem(menu, SWT.SEPARATOR);
      fillStrength(menu);
    }
  }

  private void fillStrength(Menu parent) {
    MenuItem header = new MenuItem(parent, SWT.CASCADE);
    header.setText("Smoothing &strength");
    Menu menu = new Menu(parent);
    header.setMenu(menu);
    OptionalDouble current = read(controls::smoothingSeconds, OptionalDouble.empty());
    boolean open = lockNote(menu, Controls.EMA, "halfLifeSeconds");
    for (double seconds : SMOOTHING_SECONDS) {
      String text = String.format(Locale.ROOT, "%s s", seconds);
      boolean on = current.isPresent() && current.getAsDouble() == seconds;
      radio(menu, text, on, () -> controls.setSmoothingSeconds(seconds)).setEnabled(open);
    }
  }

  private void fillView(Menu menu) {
    check(
            menu,
            "&Mirror",
            window.mirrored(),
            on -> {
              window.applyView(on, window.onlyMyFace());
              edit("set mirror", () -> controls.setMirrored(on));
            })
        .setEnabled(controls.lockedBy(Controls.DISPLAY, "mirrored").isEmpty());
    check(
            menu,
            "&Only my face",
            window.onlyMyFace(),
            on -> {
              window.applyView(window.mirrored(), on);
              edit("set only my face", () -> controls.setOnlyMyFace(on));
            })
        .setEnabled(controls.lockedBy(Controls.DISPLAY, "onlyMyFace").isEmpty());
    check(
        menu,
        "Show what the model &sees\tI",
        window.modelInput(),
        on -> window.toggleModelInput(on));
    new MenuItem(menu, SWT.SEPARATOR);
    compareMenu(menu, "Compare &model (B)", Choices.Kind.MODEL);
    compareMenu(menu, "Compare &detector (B)", Choices.Kind.DETECTOR);
    // in memory only: the baseline is never written, and the record keeps absolute readings
    push(menu, BaselineView.RECORD_ITEM, () -> window.baseline().record());
    push(menu, BaselineView.CLEAR_ITEM, () -> window.baseline().clear());
    new MenuItem(menu, SWT.SEPARATOR);
    check(menu, "&Log readings to a file…", read(controls::logEnabled, false), this::toggleLog);
    new MenuItem(menu, SWT.SEPARATOR);
    MenuItem quit = new MenuItem(menu, SWT.PUSH);
    quit.setText("&Quit\tQ");
    quit.addListener(SWT.Selection, e -> shell.close());
  }

  /** Off, or one of the ids on offer, read beside the first as B. */
  private void compareMenu(Menu parent, String title, Choices.Kind kind) {
    MenuItem header = new MenuItem(parent, SWT.CASCADE);
    header.setText(title);
    Menu menu = new Menu(parent);
    header.setMenu(menu);
    String current = read(() -> controls.configuredCompare(kind), "");
    boolean open = lockNote(menu, Controls.PIPELINE, Controls.compareKey(kind));
    radio(menu, "Off", current.isEmpty(), () -> controls.selectCompare(kind, "")).setEnabled(open);
    for (String id : choices.ids(kind)) {
      radio(menu, id, id.equals(current), () -> controls.selectCompare(kind, id)).setEnabled(open);
    }
  }

  private void push(Menu menu, String text, Runnable action) {
    MenuItem item = new MenuItem(menu, SWT.PUSH);
    item.setText(text);
    item.addListener(SWT.Selection, e -> action.run());
  }

  private void toggleLog(boolean on) {
    if (!on) {
      edit("stop the log", controls::stopLog);
      return;
    }
    FileDialog dialog = new FileDialog(shell, SWT.SAVE);
    dialog.setText("Log readings (numbers only, no images) to");
    dialog.setFilterExtensions(new String[] {"*.jsonl", "*"});
    dialog.setFileName("expressions.jsonl");
    dialog.setOverwrite(true);
    String path = dialog.open();
    if (path != null) {
      edit("start the log", () -> controls.startLog(path));
    }
  }

  private interface Toggle {
    void set(boolean on);
  }

  /**
   * A locked setting (the running variant fixes it): a greyed first line saying so; false then,
   * and the menu's items are greyed too.
   */
  private boolean lockNote(Menu menu, String pid, String key) {
    java.util.Optional<String> feature = controls.lockedBy(pid, key);
    if (feature.isEmpty()) {
      return true;
    }
    MenuItem note = new MenuItem(menu, SWT.PUSH);
    note.setText(lockText(feature.get()));
    note.setEnabled(false);
    return false;
  }

  static String lockText(String feature) {
    return "(locked by " + feature + ")";
  }

  private MenuItem check(Menu menu, String text, boolean on, Toggle toggle) {
    MenuItem item = new MenuItem(menu, SWT.CHECK);
    item.setText(text);
    item.setSelection(on);
    item.addListener(SWT.Selection, e -> toggle.set(item.getSelection()));
    return item;
  }

  private MenuItem radio(Menu menu, String text, boolean on, Edit edit) {
    MenuItem item = new MenuItem(menu, SWT.RADIO);
    item.setText(text);
    item.setSelection(on);
    // Radio items also report being deselected; act on the one that became selected.
    item.addListener(
        SWT.Selection,
        e -> {
          if (item.getSelection()) {
            edit("choose " + text, edit);
          }
        });
    return item;
  }

  /** The id in use: from the newest result, else from the configuration. */
  private String current(Choices.Kind kind) {
    FrameResult latest = window.latest();
    if (latest != null) {
      return Ids.base(
          switch (kind) {
            case DETECTOR -> latest.detector();
            case MODEL -> latest.model();
            case SMOOTHER -> latest.smoother();
          });
    }
    return read(() -> controls.configured(kind).orElse(""), "");
  }

  private void edit(String what, Edit edit) {
    configWork.execute(
        () -> {
          try {
            edit.run();
            window.notice("");
          } catch (Exception e) {
            window.notice("Could not " + what + ": " + e.getMessage());
          }
        });
  }

  private interface Read<T> {
    T get() throws IOException;
  }

  private <T> T read(Read<T> read, T fallback) {
    try {
      return read.get();
    } catch (Exception e) {
      return fallback;
    }
  }

  private static String title(Choices.Kind kind) {
    return switch (kind) {
      case DETECTOR -> "Detector";
      case MODEL -> "Model";
      case SMOOTHER -> "Smoother";
    };
  }
}

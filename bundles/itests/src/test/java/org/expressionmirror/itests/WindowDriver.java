package org.expressionmirror.itests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;

/**
 * The running program's window as a user meets it, reached from inside the framework through the
 * SWT classes the SWT bundle exports: the display of the window's UI thread, its shell, menus and
 * keys, and screenshots of it. Only the test's probe loads this class (never the test JVM's class
 * path), so SWT's natives are loaded once, by the SWT bundle.
 */
final class WindowDriver {
  /** The name the window bundle gives the thread that owns the display. */
  static final String UI_THREAD = "mirror-window";
  static final String TITLE = "Expression Mirror";

  private final Thread uiThread;
  private final Display display;
  private final Shell shell;

  private WindowDriver(Thread uiThread, Display display, Shell shell) {
    this.uiThread = uiThread;
    this.display = display;
    this.shell = shell;
  }

  /** Waits until the window is open on the screen. */
  static WindowDriver await(long timeoutMs) throws Exception {
    long deadline = System.currentTimeMillis() + timeoutMs;
    String seen = "no thread " + UI_THREAD;
    while (System.currentTimeMillis() < deadline) {
      Thread t = uiThread();
      Display d = t == null ? null : Display.findDisplay(t);
      if (d != null && !d.isDisposed()) {
        seen = "a display but no open window";
        Shell s;
        try {
          s = call(d, () -> openShell(d));
        } catch (RuntimeException e) {
          // findDisplay sees the display while its constructor still runs: try again
          seen = "a display not ready: " + e;
          s = null;
        }
        if (s != null) {
          return new WindowDriver(t, d, s);
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the mirror window did not open within " + timeoutMs + " ms: " + seen);
  }

  static Thread uiThread() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals(UI_THREAD) && t.isAlive())
        .findFirst()
        .orElse(null);
  }

  private static Shell openShell(Display d) {
    for (Shell s : d.getShells()) {
      if (TITLE.equals(s.getText()) && s.isVisible()) {
        return s;
      }
    }
    return null;
  }

  Thread thread() {
    return uiThread;
  }

  Display display() {
    return display;
  }

  <T> T onUi(Callable<T> task) throws Exception {
    return call(display, task);
  }

  private static <T> T call(Display d, Callable<T> task) throws Exception {
    AtomicReference<T> value = new AtomicReference<>();
    AtomicReference<Exception> error = new AtomicReference<>();
    d.syncExec(
        () -> {
          try {
            value.set(task.call());
          } catch (Exception e) {
            error.set(e);
          }
        });
    if (error.get() != null) {
      throw error.get();
    }
    return value.get();
  }

  /**
   * Lets the UI thread run what was queued before this call (a frame handed over by the pipeline
   * is rendered through Display.asyncExec, and runnables run in order).
   */
  void flush() throws Exception {
    onUi(() -> null);
    onUi(() -> null);
  }

  /** A screenshot of the whole window (menu bar included) taken from the X server. */
  Shot screenshot() throws Exception {
    return onUi(
        () -> {
          Canvas canvas = canvas();
          canvas.redraw();
          canvas.update();
          Rectangle bounds = shell.getBounds(); // on the screen, menu bar included
          Point canvasAt = display.map(canvas, null, 0, 0);
          Rectangle area = canvas.getClientArea();
          Image image = new Image(display, bounds.width, bounds.height);
          GC gc = new GC(display);
          try {
            gc.copyArea(image, bounds.x, bounds.y);
            return new Shot(
                image.getImageData(),
                new Rectangle(canvasAt.x - bounds.x, canvasAt.y - bounds.y, area.width, area.height));
          } finally {
            gc.dispose();
            image.dispose();
          }
        });
  }

  /** The window's pixels and where its drawing surface (the canvas) lies in them. */
  record Shot(ImageData data, Rectangle canvas) implements WindowView.Pixels {
    void save(Path file) throws Exception {
      Files.createDirectories(file.getParent());
      ImageLoader loader = new ImageLoader();
      loader.data = new ImageData[] {data};
      loader.save(file.toString(), SWT.IMAGE_PNG);
    }

    @Override
    public int width() {
      return canvas.width;
    }

    @Override
    public int height() {
      return canvas.height;
    }

    /** The colour at a point of the canvas, as 0xRRGGBB. */
    @Override
    public int rgb(int x, int y) {
      var c = data.palette.getRGB(data.getPixel(canvas.x + x, canvas.y + y));
      return (c.red << 16) | (c.green << 8) | c.blue;
    }
  }

  private Canvas canvas() {
    for (Control c : shell.getChildren()) {
      if (c instanceof Canvas canvas) {
        return canvas;
      }
    }
    throw new AssertionError("the window has no canvas");
  }

  /**
   * Chooses an item of a menu of the menu bar as a user would: the menu is shown (the window fills
   * it when it opens), then the item is selected.
   */
  void choose(String menuTitle, String itemText) throws Exception {
    onUi(
        () -> {
          Menu menu = item(shell.getMenuBar(), menuTitle).getMenu();
          menu.notifyListeners(SWT.Show, new Event());
          MenuItem item = item(menu, itemText);
          item.setSelection(true);
          item.notifyListeners(SWT.Selection, new Event());
          menu.notifyListeners(SWT.Hide, new Event());
          return null;
        });
  }

  /** The texts of a menu's items as it shows them when opened now. */
  List<String> items(String menuTitle) throws Exception {
    return onUi(
        () -> {
          Menu menu = item(shell.getMenuBar(), menuTitle).getMenu();
          menu.notifyListeners(SWT.Show, new Event());
          List<String> texts = new ArrayList<>();
          for (MenuItem i : menu.getItems()) {
            texts.add(plain(i.getText()));
          }
          menu.notifyListeners(SWT.Hide, new Event());
          return texts;
        });
  }

  private static MenuItem item(Menu menu, String text) {
    List<String> seen = new ArrayList<>();
    for (MenuItem i : menu.getItems()) {
      if (plain(i.getText()).equals(text)) {
        return i;
      }
      seen.add(plain(i.getText()));
    }
    throw new AssertionError("no item '" + text + "' in " + seen);
  }

  /** Menu text without mnemonic marks and accelerator hints. */
  private static String plain(String text) {
    return text.replace("&", "").replaceAll("\t.*", "");
  }

  /** A key typed into the window (the key-down event the window's key filter sees). */
  void type(char key) throws Exception {
    onUi(
        () -> {
          Event e = new Event();
          e.character = key;
          e.keyCode = key;
          shell.notifyListeners(SWT.KeyDown, e);
          return null;
        });
  }

  boolean shellDisposed() throws Exception {
    return display.isDisposed() || onUi(shell::isDisposed);
  }
}

package org.expressionmirror.display.swt.internal;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.eclipse.swt.widgets.Display;

/**
 * The one thread that owns the SWT display: it creates the display and the window, runs the event
 * loop until the window is gone, then disposes the display. Nobody waits for it to start.
 */
final class WindowThread {
  private final Thread thread;
  private final CountDownLatch ready = new CountDownLatch(1);
  private volatile MirrorWindow window;
  /** Set by close(); a window built after it is closed at once instead of staying open. */
  private volatile boolean closing;
  private volatile Consumer<MirrorWindow> opened = w -> {};

  /**
   * @param factory builds and returns the window on the UI thread
   * @param failed told, with one line, why there is no window
   */
  WindowThread(Function<Display, MirrorWindow> factory, Consumer<String> failed) {
    thread = new Thread(() -> run(factory, failed), "mirror-window");
    thread.setDaemon(true);
  }

  /** Called on the UI thread once the window exists, before it opens. */
  WindowThread onOpen(Consumer<MirrorWindow> callback) {
    opened = callback;
    return this;
  }

  WindowThread start() {
    thread.start();
    return this;
  }

  private void run(Function<Display, MirrorWindow> factory, Consumer<String> failed) {
    Display display;
    try {
      Display.setAppName("Expression Mirror");
      display = new Display();
    } catch (Throwable e) { // SWTError, UnsatisfiedLinkError: no display or no GTK
      ready.countDown();
      failed.accept(WindowTrouble.explain(e, System.getenv("DISPLAY")));
      return;
    }
    try {
      MirrorWindow w = factory.apply(display);
      window = w;
      opened.accept(w);
      ready.countDown();
      if (closing) {
        w.close(); // close() ran while the window was being built and found none to close
      }
      w.open();
      while (!w.isDisposed()) {
        if (!display.readAndDispatch()) {
          display.sleep();
        }
      }
    } catch (RuntimeException e) {
      failed.accept("mirror window: " + e);
    } finally {
      ready.countDown();
      display.dispose();
    }
  }

  /** The window, or null while it is being built or when it failed. */
  MirrorWindow window() {
    return window;
  }

  /** Waits until the window exists or failed; for tests. */
  MirrorWindow awaitWindow(long timeoutMs) throws InterruptedException {
    ready.await(timeoutMs, TimeUnit.MILLISECONDS);
    return window;
  }

  /** Closes the window and waits for the display to be disposed; call from a non-UI thread. */
  void close(long timeoutMs) throws InterruptedException {
    closing = true;
    MirrorWindow w = window;
    if (w != null) {
      w.close();
    }
    if (Thread.currentThread() != thread) {
      thread.join(timeoutMs);
    }
  }

  boolean isAlive() {
    return thread.isAlive();
  }
}

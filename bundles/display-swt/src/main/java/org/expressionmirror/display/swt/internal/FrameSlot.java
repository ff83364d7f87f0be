package org.expressionmirror.display.swt.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.expressionmirror.api.Frame;
import org.expressionmirror.api.FrameResult;
import org.expressionmirror.api.ModelInput;

/**
 * Hands frames from the pipeline thread to the UI thread without ever blocking the pipeline: the
 * newest frame replaces an unshown one, and at most one repaint is queued on the UI at a time. A
 * slow UI therefore drops repaints, never pipeline frames.
 */
final class FrameSlot {
  /**
   * A frame with its numbers and, when the window asked for them, what the model was fed for each
   * face (by track; empty otherwise).
   */
  record Shown(Frame frame, FrameResult result, Map<Integer, List<ModelInput>> inputs) {
    Shown(Frame frame, FrameResult result) {
      this(frame, result, Map.of());
    }

    /** The same numbers and inputs with another frame (a copy of this one's pixels). */
    Shown with(Frame other) {
      return new Shown(other, result, inputs);
    }
  }

  private final AtomicReference<Shown> newest = new AtomicReference<>();
  private final AtomicBoolean queued = new AtomicBoolean();
  private final Executor ui;
  private final Consumer<Shown> render;
  private final Consumer<Shown> done;

  /**
   * @param ui runs a task on the UI thread later (Display::asyncExec)
   * @param render called on the UI thread with the newest frame
   */
  FrameSlot(Executor ui, Consumer<Shown> render) {
    this(ui, render, shown -> {});
  }

  /**
   * @param done told of every frame offered once the slot is done with it: rendered, or replaced
   *     by a newer one before it was
   */
  FrameSlot(Executor ui, Consumer<Shown> render, Consumer<Shown> done) {
    this.ui = ui;
    this.render = render;
    this.done = done;
  }

  /** Called on the pipeline thread; returns at once. */
  void offer(Frame frame, FrameResult result) {
    offer(new Shown(frame, result));
  }

  /** Called on the pipeline thread; returns at once. */
  void offer(Shown shown) {
    Shown replaced = newest.getAndSet(shown);
    if (replaced != null) {
      done.accept(replaced);
    }
    if (queued.compareAndSet(false, true)) {
      ui.execute(this::drain);
    }
  }

  private void drain() {
    // Clear the flag before taking the frame: a frame offered after this point queues a new drain.
    queued.set(false);
    Shown shown = newest.getAndSet(null);
    if (shown != null) {
      try {
        render.accept(shown);
      } finally {
        done.accept(shown);
      }
    }
  }
}

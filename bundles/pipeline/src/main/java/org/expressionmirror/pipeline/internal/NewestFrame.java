package org.expressionmirror.pipeline.internal;

import java.util.function.Consumer;
import org.expressionmirror.api.ExpressionModel;
import org.expressionmirror.api.Frame;
import org.expressionmirror.api.FrameResult;

/**
 * The newest frame published, kept for a view that registers later (a window opening after the
 * first frames, or over a single photo) and for one that asks for the models' inputs afterwards.
 * When a newer frame replaces it, its array goes back to its source to decode a later frame into
 * ({@link org.expressionmirror.api.FrameSource#recycle}), unless a view that may keep frames was
 * shown it: then the view owns it. A frame is given back once: by the replacement, never while a
 * late view is being shown it.
 */
final class NewestFrame {
  /** A frame as published, with the model that read it and where its array goes back to. */
  static final class Shown {
    private final Frame frame;
    private final FrameResult result;
    private final ExpressionModel model;
    private final Consumer<Frame> recycle;
    private volatile boolean kept;

    Shown(Frame frame, FrameResult result, ExpressionModel model, Consumer<Frame> recycle) {
      this.frame = frame;
      this.result = result;
      this.model = model;
      this.recycle = recycle;
    }

    Frame frame() {
      return frame;
    }

    FrameResult result() {
      return result;
    }

    ExpressionModel model() {
      return model;
    }

    /** A view that may keep frames was shown this one: its array is never given back. */
    void keep() {
      kept = true;
    }
  }

  private final Object lock = new Object();
  // Guarded by lock.
  private Shown newest;

  /**
   * Makes {@code next}, shown to every view by now, the newest frame and gives the one it
   * replaces back to its source.
   */
  void replace(Shown next) {
    Shown old;
    synchronized (lock) {
      old = newest;
      newest = next;
    }
    // a frame published twice (the same array) is still in use
    if (old != null && !old.kept && old.frame.bgr() != next.frame.bgr()) {
      old.recycle.accept(old.frame);
    }
  }

  /**
   * Runs {@code task} with the newest frame, if there is one; the frame is not given back while
   * it runs. The next frame's publication waits for it: reading the model's inputs again for a
   * view that starts asking for them holds the pipeline for a few inferences, once.
   */
  void withNewest(Consumer<Shown> task) {
    synchronized (lock) {
      if (newest != null) {
        task.accept(newest);
      }
    }
  }
}

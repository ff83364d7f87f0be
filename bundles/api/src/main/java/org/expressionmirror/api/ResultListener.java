package org.expressionmirror.api;

/**
 * Whiteboard service that receives every frame's numbers. Called on the pipeline thread: return
 * quickly and hand heavy work to a thread of your own.
 */
public interface ResultListener {
  void onResult(FrameResult result);

  /** Called once when a source has ended or failed. */
  default void onEnd(RunSummary summary) {}
}

package org.expressionmirror.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service that receives every frame's numbers. Called on the pipeline thread: return
 * quickly and hand heavy work to a thread of your own. A listener that cannot keep the numbers
 * (a record on a full disk) throws {@link java.io.UncheckedIOException} with one line saying so:
 * the run stops with that message. Any other exception is logged and the run goes on.
 */
@ConsumerType
public interface ResultListener {
  void onResult(FrameResult result);

  /**
   * Called once when a source has been read to its end ({@code summary.failed()} false) or has
   * failed. Not called for a run that was stopped (the program stopping, the source replaced).
   */
  default void onEnd(RunSummary summary) {}
}

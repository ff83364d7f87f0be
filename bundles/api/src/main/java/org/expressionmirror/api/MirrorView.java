package org.expressionmirror.api;

/**
 * A view that shows the image itself (the window). The only consumer besides the detector and the
 * model that ever receives pixels; it must not store or send them anywhere.
 */
public interface MirrorView {
  /** Called on the pipeline thread after each frame; must not block. */
  void show(Frame frame, FrameResult result);

  /** Called when the source cannot be opened or fails, with a message naming it. */
  default void sourceFailed(String message) {}
}

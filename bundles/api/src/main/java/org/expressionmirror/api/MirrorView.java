package org.expressionmirror.api;

import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A view that shows the image itself (the window). The only consumer besides the detector and the
 * model that ever receives pixels; it must not store or send them anywhere.
 */
@ConsumerType
public interface MirrorView {
  /**
   * Service property of a view: {@code true} while it wants each face's model input ({@link
   * ModelInput}) with the frame. The pipeline reads it when the view registers and when its
   * properties change; without it the models are called as usual and no input is kept.
   */
  String MODEL_INPUT = "mirror.view.modelInput";

  /**
   * Service property of a view: {@code true} when it reads a frame's pixels only while {@code
   * show} runs and copies what it keeps. The frame's array may then be reused for a later frame
   * once {@code show} has returned ({@link FrameSource#recycle}). Without it a view may keep the
   * frames it is shown, and their arrays are never reused.
   */
  String COPIES_PIXELS = "mirror.view.copiesPixels";

  /** Called on the pipeline thread after each frame; must not block. */
  void show(Frame frame, FrameResult result);

  /**
   * As {@link #show(Frame, FrameResult)} for a view registered with {@link #MODEL_INPUT} {@code
   * true}: {@code inputs} holds, by track id, what the model received for each face it read.
   */
  default void show(Frame frame, FrameResult result, Map<Integer, List<ModelInput>> inputs) {
    show(frame, result);
  }

  /** Called when the source cannot be opened or fails, with a message naming it. */
  default void sourceFailed(String message) {}
}

package org.expressionmirror.api;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Finds faces in a frame. Registered with {@link #ID} and {@link #VERSION} service properties so
 * the pipeline can select one by id.
 */
@ConsumerType
public interface FaceDetector {
  String ID = "detector.id";
  String VERSION = "detector.version";

  /** Faces in the frame, in source pixels; the frame is not kept after the call. */
  List<Face> detect(Frame frame);

  /**
   * Faces in a region the pipeline cut from a frame around a face found in the frame before (its
   * region passes), in the region's pixels. A face is expected there, so a detector may accept
   * weaker evidence than {@link #detect(Frame)} does on a whole frame, where most places hold no
   * face. Default: {@link #detect(Frame)}.
   *
   * @since 1.7
   */
  default List<Face> detectNear(Frame region) {
    return detect(region);
  }
}

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
}

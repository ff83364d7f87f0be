package org.expressionmirror.api;

import java.util.List;

/**
 * Everything the pipeline found in one frame, with the provenance of each number. Holds no pixels.
 *
 * @param frame 0-based index of the frame in its source
 * @param timeMs source time of the frame
 * @param detector id and version of the detector, e.g. {@code haar@4.10.0}
 * @param model id and version of the expression model
 * @param smoother id and version of the smoother
 * @param faces one reading per face
 * @param times milliseconds per stage for this frame
 */
public record FrameResult(
    long frame,
    double timeMs,
    String detector,
    String model,
    String smoother,
    List<FaceResult> faces,
    StageTimes times) {
  public FrameResult {
    faces = List.copyOf(faces);
  }
}

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
 * @param image the image file of the frame ({@link Frame#name()}), empty for video and camera
 * @param compare the second reading in compare mode, null when compare mode is off
 * @param pass the frame's detection pass: {@link FaceResult#FULL_PASS}, {@link
 *     FaceResult#REGION_PASS}, or {@link #NO_PASS} when the detector did not look at the frame (the
 *     whole frame before it had no face, see the pipeline's {@code idlePassEvery}); empty when not
 *     told
 */
public record FrameResult(
    long frame,
    double timeMs,
    String detector,
    String model,
    String smoother,
    List<FaceResult> faces,
    StageTimes times,
    String image,
    Comparison compare,
    String pass) {
  /** {@link #pass()} of a frame the detector did not look at: it has no faces. */
  public static final String NO_PASS = "none";

  /** A result without the kind of detection pass it got. */
  public FrameResult(
      long frame,
      double timeMs,
      String detector,
      String model,
      String smoother,
      List<FaceResult> faces,
      StageTimes times,
      String image,
      Comparison compare) {
    this(frame, timeMs, detector, model, smoother, faces, times, image, compare, "");
  }

  /** The result of a frame without a comparison. */
  public FrameResult(
      long frame,
      double timeMs,
      String detector,
      String model,
      String smoother,
      List<FaceResult> faces,
      StageTimes times,
      String image) {
    this(frame, timeMs, detector, model, smoother, faces, times, image, null);
  }

  /** The result of a video or camera frame: no image file. */
  public FrameResult(
      long frame,
      double timeMs,
      String detector,
      String model,
      String smoother,
      List<FaceResult> faces,
      StageTimes times) {
    this(frame, timeMs, detector, model, smoother, faces, times, "", null);
  }

  public FrameResult {
    faces = List.copyOf(faces);
    if (image == null) {
      throw new IllegalArgumentException("frame " + frame + ": image must not be null (empty for none)");
    }
    if (pass == null) {
      throw new IllegalArgumentException("frame " + frame + ": pass must not be null (empty for not told)");
    }
  }

  /** A copy of this result with the given comparison (null for none). */
  public FrameResult withCompare(Comparison comparison) {
    return new FrameResult(frame, timeMs, detector, model, smoother, faces, times, image, comparison, pass);
  }
}

package org.expressionmirror.capture.opencv.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.expressionmirror.api.Frame;
import org.expressionmirror.platform.ffmpeg.internal.TestVideoWriter;
import org.expressionmirror.platform.opencv.FrameMats;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/** Test videos made from a real photo with the FFmpeg platform bundle's encoders. */
final class TestVideos {
  static final int W = 320;
  static final int H = 240;

  private TestVideos() {}

  /** A pan with zoom over a real photo, as frames (caller releases). */
  static List<Mat> panFrames(int n) {
    Mat photo = TestPhotos.read("sample1.jpg");
    List<Mat> frames = new ArrayList<>();
    try {
      for (int i = 0; i < n; i++) {
        double zoom = 1 + i / (double) n;
        int w = (int) (photo.cols() / 2 / zoom);
        int h = w * H / W;
        int x = (photo.cols() - w) * i / n;
        Mat window = photo.submat(new Rect(x, (photo.rows() - h) / 2, w, h));
        Mat frame = new Mat();
        Imgproc.resize(window, frame, new Size(W, H), 0, 0, Imgproc.INTER_AREA);
        window.release();
        frames.add(frame);
      }
    } finally {
      photo.release();
    }
    return frames;
  }

  /**
   * Encodes frames with an FFmpeg encoder of the platform bundle ({@code libopenh264},
   * {@code libvpx}, {@code libvpx-vp9}, {@code mjpeg}, ...) at {@code num/den} frames per second;
   * the container follows the file name.
   */
  static void encode(List<Mat> frames, int num, int den, Path video, String encoder)
      throws IOException {
    List<byte[]> bgr = new ArrayList<>();
    for (Mat frame : frames) {
      bgr.add(FrameMats.toFrame(frame, 0, 0).bgr());
    }
    TestVideoWriter.write(video, encoder, num, den, W, H, bgr);
  }

  static double meanAbsDiff(Frame frame, Mat expected) {
    Mat actual = FrameMats.toMat(frame);
    Mat diff = new Mat();
    try {
      Core.absdiff(actual, expected, diff);
      Scalar mean = Core.mean(diff);
      return (mean.val[0] + mean.val[1] + mean.val[2]) / 3;
    } finally {
      diff.release();
      actual.release();
    }
  }
}

package org.expressionmirror.capture.opencv.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.expressionmirror.api.Frame;
import org.expressionmirror.platform.opencv.FrameMats;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/** Test videos made with the ffmpeg program from a real photo, and independent decodes. */
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
   * Encodes frames with ffmpeg ({@code rate} like "30000/1001"; {@code codec} arguments such as
   * "-c:v libx264"); the file type follows the name.
   */
  static void encode(List<Mat> frames, String rate, Path video, String... codec)
      throws IOException, InterruptedException {
    Path pngs = Files.createTempDirectory(video.getParent(), "frames");
    for (int i = 0; i < frames.size(); i++) {
      Imgcodecs.imwrite(pngs.resolve(String.format("f%04d.png", i)).toString(), frames.get(i));
    }
    List<String> command = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error", "-y"));
    command.addAll(List.of("-framerate", rate, "-i", pngs.resolve("f%04d.png").toString()));
    command.addAll(List.of(codec));
    command.addAll(List.of("-pix_fmt", "yuv420p", video.toString()));
    run(command);
  }

  /** Frame {@code n} of a video as ffmpeg writes it to a PNG, read by ImageIO, as BGR. */
  static Mat decodeWithFfmpeg(Path video, int n, Path dir) throws Exception {
    Path png = dir.resolve("frame" + n + ".png");
    run(List.of("ffmpeg", "-nostdin", "-v", "error", "-y", "-i", video.toString(),
        "-vf", "select=eq(n\\," + n + ")", "-vsync", "passthrough", "-frames:v", "1",
        png.toString()));
    BufferedImage image = ImageIO.read(png.toFile());
    Mat bgr = new Mat(image.getHeight(), image.getWidth(), CvType.CV_8UC3);
    byte[] data = new byte[image.getWidth() * image.getHeight() * 3];
    int k = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        data[k++] = (byte) rgb;
        data[k++] = (byte) (rgb >> 8);
        data[k++] = (byte) (rgb >> 16);
      }
    }
    bgr.put(0, 0, data);
    return bgr;
  }

  static void run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.waitFor(), command + " failed: " + output);
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

  private static boolean isFfmpeg(String command) {
    return command.contains("ffmpeg") || command.contains("ffprobe");
  }

  /** The ffmpeg and ffprobe processes this JVM started that are still alive. */
  static List<ProcessHandle> liveFfmpegChildren() {
    return ProcessHandle.current()
        .descendants()
        .filter(ProcessHandle::isAlive)
        .filter(p -> p.info().command().map(TestVideos::isFfmpeg).orElse(false))
        .toList();
  }
}

package org.expressionmirror.capture.opencv.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.expressionmirror.capture.opencv.internal.TestVideos.meanAbsDiff;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.expressionmirror.api.Frame;
import org.expressionmirror.api.FrameSource;
import org.expressionmirror.api.SourceSpec;
import org.expressionmirror.platform.ffmpeg.internal.FfmpegRuntimeComponent;
import org.expressionmirror.platform.opencv.FrameMats;
import org.expressionmirror.platform.opencv.internal.OpenCvLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;
import org.opencv.videoio.VideoWriter;
import org.opencv.videoio.Videoio;

class OpenCvFrameSourceFactoryTest {
  private static final int W = 320;
  private static final int H = 240;

  private static OpenCvFrameSourceFactory factory;

  @TempDir Path dir;

  @BeforeAll
  static void loadOpenCv() {
    factory =
        new OpenCvFrameSourceFactory(
            new OpenCvLoader(), new FfmpegRuntimeComponent(), new TestLogger().logger);
  }

  @Test
  void videoFileGivesEveryFrameInOrder() throws Exception {
    int n = 40;
    double fps = 20;
    Path video = dir.resolve("pan.avi");
    List<Mat> written = writePanZoomVideo(video, n, fps);
    List<Frame> frames = new ArrayList<>();
    try (FrameSource source = factory.open(new SourceSpec(video.toString(), false))) {
      assertEquals(W, source.info().width());
      assertEquals(H, source.info().height());
      assertEquals(fps, source.info().fps(), 1e-6);
      assertFalse(source.info().live());
      for (Optional<Frame> f = source.next(); f.isPresent(); f = source.next()) {
        frames.add(f.get());
      }
      assertEquals(0, source.skipped());
      assertTrue(source.lastDecodeMs() > 0);
    }
    assertEquals(n, frames.size());
    for (int i = 0; i < n; i++) {
      Frame frame = frames.get(i);
      assertEquals(i, frame.index());
      assertEquals(i * 1000.0 / fps, frame.timeMs(), 1e-9);
      assertEquals(W, frame.width());
      assertEquals(H, frame.height());
      // Decoded frame i looks like written frame i (MJPEG is lossy) and not like its neighbours.
      double own = meanAbsDiff(frame, written.get(i));
      double other = meanAbsDiff(frame, written.get(i < n / 2 ? i + 8 : i - 8));
      assertTrue(own < 6 && own * 3 < other, "frame " + i + ": " + own + " vs " + other);
    }
    written.forEach(Mat::release);
  }

  @Test
  void imageFolderIsReadInNameOrderAndSkipsOtherFiles() throws Exception {
    Path folder = Files.createDirectory(dir.resolve("images"));
    writeSolid(folder.resolve("b.png"), 50, 40, 2);
    writeSolid(folder.resolve("a.PNG"), 40, 30, 1);
    writeSolid(folder.resolve("c.bmp"), 60, 50, 3);
    Files.writeString(folder.resolve("notes.txt"), "not an image");
    List<Frame> frames = new ArrayList<>();
    try (FrameSource source = factory.open(new SourceSpec(folder.toString(), false))) {
      assertEquals(40, source.info().width());
      for (Optional<Frame> f = source.next(); f.isPresent(); f = source.next()) {
        frames.add(f.get());
      }
    }
    assertEquals(3, frames.size());
    for (int i = 0; i < 3; i++) {
      assertEquals(i, frames.get(i).index());
      assertEquals(40 + 10 * i, frames.get(i).width());
      assertEquals(30 + 10 * i, frames.get(i).height());
      assertEquals(i + 1, (frames.get(i).bgr()[0] & 0xff) / 50, "blue level of image " + i);
    }
  }

  @Test
  void singleImageIsOneExactFrame() throws Exception {
    Path png = dir.resolve("crop.png");
    Mat photo = TestPhotos.read("sample1.jpg");
    Mat crop = photo.submat(new Rect(600, 200, 400, 300));
    Imgcodecs.imwrite(png.toString(), crop);
    try (FrameSource source = factory.open(new SourceSpec(png.toString(), false))) {
      Frame frame = source.next().orElseThrow();
      assertEquals(0, frame.index());
      assertEquals(400, frame.width());
      assertEquals(300, frame.height());
      assertArrayEquals(FrameMats.toFrame(crop, 0, 0).bgr(), frame.bgr());
      assertTrue(source.next().isEmpty());
      assertTrue(source.next().isEmpty());
    } finally {
      crop.release();
      photo.release();
    }
  }

  @Test
  void missingFileIsNamed() {
    Path missing = dir.resolve("x/y.mp4");
    IOException e = assertThrows(IOException.class, () -> open(missing.toString()));
    assertEquals("video file not found: " + missing, e.getMessage());
    Path missingImage = dir.resolve("face.jpg");
    e = assertThrows(IOException.class, () -> open(missingImage.toString()));
    assertEquals("image file not found: " + missingImage, e.getMessage());
  }

  @Test
  void fileThatIsNoVideoIsNamed() throws Exception {
    Path text = Files.writeString(dir.resolve("y.txt"), "hello, not a video\n".repeat(100));
    IOException e = assertThrows(IOException.class, () -> open(text.toString()));
    assertEquals(
        "cannot decode video: " + text + " (ffmpeg: a text file, not a video)", e.getMessage());
    Path fakeAvi = Files.write(dir.resolve("broken.avi"), new byte[4096]);
    e = assertThrows(IOException.class, () -> open(fakeAvi.toString()));
    assertTrue(e.getMessage().startsWith("cannot decode video: " + fakeAvi), e.getMessage());
  }

  @Test
  void corruptImageIsNamed() throws Exception {
    Path jpg = Files.writeString(dir.resolve("broken.jpg"), "no jpeg here");
    IOException e = assertThrows(IOException.class, () -> open(jpg.toString()));
    assertEquals("cannot decode image: " + jpg, e.getMessage());
  }

  @Test
  void folderWithoutImagesIsNamed() throws Exception {
    Path empty = Files.createDirectory(dir.resolve("empty"));
    IOException e = assertThrows(IOException.class, () -> open(empty.toString()));
    assertTrue(e.getMessage().startsWith("no images in folder: " + empty), e.getMessage());
  }

  @Test
  void cameraThatDoesNotOpenIsNamed() {
    IOException e = assertThrows(IOException.class, () -> open("camera:97"));
    assertTrue(e.getMessage().startsWith("camera 97 did not open"), e.getMessage());
    e = assertThrows(IOException.class, () -> open("camera:front"));
    assertTrue(e.getMessage().contains("'camera:front'"), e.getMessage());
  }

  @Test
  void realtimeFileDropsWhatASlowConsumerCannotTakeAndCountsIt() throws Exception {
    int n = 45;
    Path video = dir.resolve("fast.avi");
    writePanZoomVideo(video, n, 30).forEach(Mat::release);
    List<Long> indices = new ArrayList<>();
    long skipped;
    try (FrameSource source = factory.open(new SourceSpec(video.toString(), true))) {
      assertTrue(source.info().live());
      for (Optional<Frame> f = source.next(); f.isPresent(); f = source.next()) {
        indices.add(f.get().index());
        Thread.sleep(120); // a consumer four times slower than the file's 30 fps
      }
      skipped = source.skipped();
    }
    assertTrue(skipped > 0, "nothing skipped");
    // Every frame was either taken or replaced, and the newest (last) one is always delivered.
    assertEquals(n, indices.size() + skipped);
    assertEquals(n - 1, indices.get(indices.size() - 1));
    for (int i = 1; i < indices.size(); i++) {
      assertTrue(indices.get(i) > indices.get(i - 1), "indices " + indices);
    }
    assertTrue(indices.size() < n, "gaps expected in " + indices);
  }

  @Test
  void closingALiveSourceEndsItAndIsIdempotent() throws Exception {
    Path video = dir.resolve("close.avi");
    writePanZoomVideo(video, 30, 10).forEach(Mat::release);
    FrameSource source = factory.open(new SourceSpec(video.toString(), true));
    assertEquals(0, source.next().orElseThrow().index());
    source.close();
    source.close();
    assertTrue(source.next().isEmpty());
  }

  private FrameSource open(String location) throws IOException {
    FrameSource source = factory.open(new SourceSpec(location, false));
    source.close();
    return source;
  }

  /** Pans and zooms over a real photo; returns the frames written (caller releases). */
  private static List<Mat> writePanZoomVideo(Path file, int n, double fps) {
    Mat photo = TestPhotos.read("sample1.jpg");
    VideoWriter writer =
        new VideoWriter(
            file.toString(),
            Videoio.CAP_OPENCV_MJPEG,
            VideoWriter.fourcc('M', 'J', 'P', 'G'),
            fps,
            new Size(W, H));
    assertTrue(writer.isOpened(), "VideoWriter did not open " + file);
    List<Mat> frames = new ArrayList<>();
    try {
      for (int i = 0; i < n; i++) {
        double zoom = 1 + i / (double) n; // the window shrinks: zooming in
        int w = (int) (photo.cols() / 2 / zoom);
        int h = w * H / W;
        int x = (photo.cols() - w) * i / n; // and moves left to right
        Mat window = photo.submat(new Rect(x, (photo.rows() - h) / 2, w, h));
        Mat frame = new Mat();
        Imgproc.resize(window, frame, new Size(W, H), 0, 0, Imgproc.INTER_AREA);
        window.release();
        writer.write(frame);
        frames.add(frame);
      }
    } finally {
      writer.release();
      photo.release();
    }
    return frames;
  }

  private static void writeSolid(Path file, int w, int h, int level) {
    Mat image = new Mat(h, w, CvType.CV_8UC3, new Scalar(level * 50 + 10, 0, 255));
    Imgcodecs.imwrite(file.toString(), image);
    image.release();
  }


}

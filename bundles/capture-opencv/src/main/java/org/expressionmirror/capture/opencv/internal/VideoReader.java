package org.expressionmirror.capture.opencv.internal;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.expressionmirror.api.Frame;
import org.expressionmirror.api.SourceInfo;
import org.expressionmirror.platform.opencv.FrameMats;
import org.opencv.core.Mat;
import org.opencv.videoio.VideoCapture;
import org.opencv.videoio.Videoio;

/** Frames from a camera through OpenCV's {@link VideoCapture}; video files go to FFmpeg. */
final class VideoReader implements FrameReader {
  /** A camera that has not opened by then is treated as missing rather than hanging the caller. */
  static final long CAMERA_OPEN_TIMEOUT_S = 10;

  private final VideoCapture capture;
  private final Mat image = new Mat(); // reused for every frame, released on close
  private final SourceInfo info;
  private final boolean camera;
  private final long startNanos = System.nanoTime();
  private final FrameCount count = new FrameCount();
  private boolean closed;

  private VideoReader(VideoCapture capture, String description, boolean camera) {
    this.capture = capture;
    this.camera = camera;
    // A file's frame count as its index lists it: a reader that stops short of it is caught.
    long declared = camera ? 0 : Math.max(0, (long) capture.get(Videoio.CAP_PROP_FRAME_COUNT));
    this.info =
        new SourceInfo(
            description,
            (int) capture.get(Videoio.CAP_PROP_FRAME_WIDTH),
            (int) capture.get(Videoio.CAP_PROP_FRAME_HEIGHT),
            capture.get(Videoio.CAP_PROP_FPS),
            camera,
            declared);
  }

  static VideoReader openCamera(int cameraIndex) throws IOException {
    String name = "camera " + cameraIndex;
    CompletableFuture<VideoCapture> opening =
        CompletableFuture.supplyAsync(
            () -> new VideoCapture(cameraIndex, cameraApi()), VideoReader::daemon);
    VideoCapture capture;
    try {
      capture = opening.get(CAMERA_OPEN_TIMEOUT_S, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      // Whenever the driver does answer, let go of the device.
      opening.thenAccept(VideoCapture::release);
      throw new IOException(name + " did not open within " + CAMERA_OPEN_TIMEOUT_S + " s");
    } catch (ExecutionException e) {
      throw new IOException(name + " did not open: " + e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      opening.thenAccept(VideoCapture::release);
      throw new IOException(name + ": interrupted while opening", e);
    }
    if (!capture.isOpened()) {
      capture.release();
      throw new IOException(
          name
              + " did not open: no such device or it is busy; close other programs using it"
              + " or try another index");
    }
    return new VideoReader(capture, name, true);
  }

  /**
   * V4L2 on Linux: with "any", OpenCV also probes Orbbec depth sensors and prints an error of its
   * own for every index that is not one.
   */
  private static int cameraApi() {
    boolean linux = System.getProperty("os.name", "").startsWith("Linux");
    return linux ? Videoio.CAP_V4L2 : Videoio.CAP_ANY;
  }

  private static void daemon(Runnable task) {
    Thread t = new Thread(task, "camera-open");
    t.setDaemon(true);
    t.start();
  }

  @Override
  public Optional<Frame> read() throws IOException {
    if (closed) {
      return Optional.empty();
    }
    // grab() waits for a camera's next frame; only retrieve() and the copy are decoding work.
    long grabStart = System.nanoTime();
    if (!capture.grab()) {
      if (camera) {
        throw new IOException(info.description() + " stopped delivering frames");
      }
      return Optional.empty();
    }
    long decodeStart = camera ? System.nanoTime() : grabStart;
    if (!capture.retrieve(image) || image.empty()) {
      throw new IOException("cannot decode frame " + count.next() + " of " + info.description());
    }
    Frame frame = FrameMats.toFrame(image, count.next(), timeMs());
    count.decodedSince(decodeStart);
    return count.handOut(frame);
  }

  /**
   * Source time: a monotonic clock for cameras; index / fps for files, exact for constant-rate
   * video (the MJPEG reader's CAP_PROP_POS_MSEC already points at the next frame after a read).
   */
  private double timeMs() {
    if (camera) {
      return (System.nanoTime() - startNanos) / 1e6;
    }
    double fps = info.fps();
    return fps > 0 ? count.next() * 1000.0 / fps : capture.get(Videoio.CAP_PROP_POS_MSEC);
  }

  @Override
  public double lastDecodeMs() {
    return count.lastDecodeMs();
  }

  @Override
  public SourceInfo info() {
    return info;
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      capture.release();
      image.release();
    }
  }
}

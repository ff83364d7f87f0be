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
  private final long startNanos = System.nanoTime();
  private final FrameCount count = new FrameCount();
  private final FrameBuffers buffers = new FrameBuffers();
  private boolean closed;

  private VideoReader(VideoCapture capture, String description) {
    this.capture = capture;
    this.info =
        new SourceInfo(
            description,
            (int) capture.get(Videoio.CAP_PROP_FRAME_WIDTH),
            (int) capture.get(Videoio.CAP_PROP_FRAME_HEIGHT),
            capture.get(Videoio.CAP_PROP_FPS),
            true);
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
    return new VideoReader(capture, name);
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
    // grab() waits for the camera's next frame; only retrieve() and the copy are decoding work.
    if (!capture.grab()) {
      throw new IOException(info.description() + " stopped delivering frames");
    }
    long decodeStart = System.nanoTime();
    if (!capture.retrieve(image) || image.empty()) {
      throw new IOException("cannot decode frame " + count.next() + " of " + info.description());
    }
    byte[] into = buffers.take(image.cols() * image.rows() * 3);
    Frame frame = FrameMats.toFrame(image, count.next(), timeMs(), into);
    count.decodedSince(decodeStart);
    return count.handOut(frame);
  }

  /** Source time: a monotonic clock since the camera opened. */
  private double timeMs() {
    return (System.nanoTime() - startNanos) / 1e6;
  }

  @Override
  public void recycle(Frame frame) {
    buffers.giveBack(frame.bgr());
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

package org.expressionmirror.capture.opencv.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.expressionmirror.api.Frame;
import org.expressionmirror.api.SourceInfo;

/**
 * Frames of a video file decoded by an ffmpeg child process into a pipe as raw BGR, for every
 * format the in-process OpenCV cannot read. ffmpeg reads only the local file and writes only to
 * the pipe: no files, no network.
 *
 * <p>Every decoded frame is delivered once, in decoding order ({@code -vsync passthrough}: no
 * frame duplicated or dropped to fit a rate). Frame {@code i} is given the time {@code i / fps}
 * with the stream's average rate: exact for constant-rate video (nearly all files), an
 * approximation for variable-rate phone video; a stream with no rate at all gets one nominal
 * second per frame, as images do.
 *
 * <p>The pipe gives back-pressure: ffmpeg blocks while nobody reads. The first frame is decoded
 * while opening, so a file ffmpeg cannot decode fails there with ffmpeg's reason.
 */
final class FfmpegReader implements FrameReader {
  /** After the last frame ffmpeg only has to flush and exit. */
  static final long EXIT_WAIT_MS = 5000;
  /** Time a terminated ffmpeg gets before it is killed. */
  static final long DESTROY_WAIT_MS = 500;

  private final Path file;
  private final String url;
  private final Process process;
  private final InputStream frames;
  private final StderrTail errors;
  private final Consumer<String> warnings;
  private final SourceInfo info;
  private final int frameBytes;
  private final double msPerFrame;
  private Frame first; // decoded while opening; handed out first
  private final FrameCount count = new FrameCount();
  private boolean ended;
  private boolean closed;

  private FfmpegReader(
      Path file, String url, Process process, VideoProbe probe, Consumer<String> warnings) {
    this.file = file;
    this.url = url;
    this.process = process;
    this.frames = process.getInputStream();
    this.errors = new StderrTail(process.getErrorStream(), "ffmpeg");
    this.warnings = warnings;
    this.info = new SourceInfo(file.toString(), probe.width(), probe.height(), probe.fps(), false);
    this.frameBytes = probe.width() * probe.height() * 3;
    this.msPerFrame = probe.fps() > 0 ? 1000 / probe.fps() : ImageReader.NOMINAL_MS_PER_IMAGE;
  }

  /**
   * Probes and starts decoding {@code file}. Fails with one line naming the file: ffmpeg's reason,
   * or advice when the program is not installed.
   *
   * @param warnings told once about errors ffmpeg reported but decoded past (damaged packets)
   */
  static FfmpegReader open(Path file, FfmpegTools tools, Consumer<String> warnings)
      throws IOException {
    // The file: protocol makes a name with a colon a file, never another protocol.
    String url = "file:" + file.toAbsolutePath();
    VideoProbe probe;
    Process process;
    try {
      probe = VideoProbe.run(tools.ffprobe(), url);
      process = new ProcessBuilder(command(tools.ffmpeg(), url, probe)).start();
    } catch (IOException e) {
      throw new IOException(cannotDecode(file) + " (" + reason(e, tools) + ")", e);
    }
    process.getOutputStream().close(); // -nostdin too: ffmpeg never waits for a terminal
    FfmpegReader reader = new FfmpegReader(file, url, process, probe, warnings);
    try {
      reader.first = reader.decode().orElseThrow(() -> reader.failure("no frame decoded"));
      return reader;
    } catch (IOException | RuntimeException e) {
      reader.close();
      throw e;
    }
  }

  static List<String> command(String ffmpeg, String url, VideoProbe probe) {
    List<String> command = new ArrayList<>();
    command.addAll(List.of(ffmpeg, "-nostdin", "-hide_banner", "-v", "error"));
    command.addAll(List.of("-protocol_whitelist", "file,pipe", "-i", url));
    command.addAll(List.of("-map", "0:v:0", "-vsync", "passthrough"));
    // Holds the frame size fixed at the probed one should the stream change size midway, so
    // every frame in the pipe has the length the reader expects.
    command.addAll(List.of("-vf", "scale=" + probe.width() + ":" + probe.height()));
    command.addAll(List.of("-f", "rawvideo", "-pix_fmt", "bgr24", "pipe:1"));
    return command;
  }

  private static String cannotDecode(Path file) {
    return "cannot decode video: " + file;
  }

  private static String reason(IOException e, FfmpegTools tools) {
    if (e.getMessage() != null && e.getMessage().startsWith("Cannot run program")) {
      return "this OpenCV build reads Motion-JPEG .avi only; install ffmpeg to read other formats"
          + (tools.isDefault() ? "" : "; cannot run " + tools.ffprobe() + " or " + tools.ffmpeg());
    }
    return "ffmpeg: " + e.getMessage();
  }

  @Override
  public Optional<Frame> read() throws IOException {
    if (first != null) {
      Frame frame = first;
      first = null;
      return Optional.of(frame);
    }
    return decode();
  }

  /** Reads the next frame from the pipe; at its end, checks how ffmpeg finished. */
  private Optional<Frame> decode() throws IOException {
    if (ended || closed) {
      return Optional.empty();
    }
    long start = System.nanoTime();
    byte[] bgr = new byte[frameBytes];
    int n = frames.readNBytes(bgr, 0, frameBytes);
    if (n < frameBytes) {
      ended = true;
      finish(n);
      return Optional.empty();
    }
    // Time waiting for the pipe: ffmpeg's decoding and colour conversion of this frame.
    count.decodedSince(start);
    long index = count.next();
    return count.handOut(new Frame(index, index * msPerFrame, info.width(), info.height(), bgr));
  }

  /** The pipe ended: ffmpeg must have exited cleanly after whole frames. */
  private void finish(int partialBytes) throws IOException {
    try {
      if (!process.waitFor(EXIT_WAIT_MS, TimeUnit.MILLISECONDS)) {
        throw failure("ffmpeg did not exit after the last frame");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure("interrupted");
    }
    errors.awaitEnd(1000);
    if (process.exitValue() != 0) {
      throw failure(errors.firstLine(url).orElse("exit code " + process.exitValue()));
    }
    if (partialBytes > 0) {
      throw failure("the last frame is cut short");
    }
    errors.firstLine(url).ifPresent(
        line -> warnings.accept(file + ": ffmpeg decoded past errors, the first: " + line));
  }

  private IOException failure(String reason) {
    String where = count.next() > 0 ? " after frame " + (count.next() - 1) : "";
    return new IOException(cannotDecode(file) + where + " (ffmpeg: " + reason + ")");
  }

  @Override
  public double lastDecodeMs() {
    return count.lastDecodeMs();
  }

  @Override
  public SourceInfo info() {
    return info;
  }

  /**
   * Stops ffmpeg: closing the pipe makes a writing ffmpeg fail at once, the signal ends one that
   * is still reading, and a kill follows if neither worked. The JVM reaps the child.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    first = null;
    try {
      frames.close();
    } catch (IOException e) {
      // Closing our end of a pipe; nothing to recover.
    }
    process.destroy();
    try {
      if (!process.waitFor(DESTROY_WAIT_MS, TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(DESTROY_WAIT_MS, TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}

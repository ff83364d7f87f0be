package org.expressionmirror.capture.opencv.internal;

import static org.expressionmirror.capture.opencv.internal.TestVideos.H;
import static org.expressionmirror.capture.opencv.internal.TestVideos.W;
import static org.expressionmirror.capture.opencv.internal.TestVideos.meanAbsDiff;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.expressionmirror.api.Frame;
import org.expressionmirror.api.FrameSource;
import org.expressionmirror.api.SourceSpec;
import org.expressionmirror.platform.ffmpeg.internal.FfmpegRuntimeComponent;
import org.expressionmirror.platform.opencv.internal.OpenCvLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.videoio.VideoCapture;
import org.opencv.videoio.VideoWriter;
import org.opencv.videoio.Videoio;

/**
 * Video files decoded in-process by the FFmpeg platform bundle: H.264 in MP4, MKV and MOV, VP8
 * and VP9 in WebM, Motion-JPEG in AVI, written by FFmpeg's own encoders from a real photo (no
 * ffmpeg program anywhere). Timeouts only guard against hangs.
 */
@Timeout(120)
class FfmpegVideoTest {
  private static final int N = 90; // 3 s at 29.97 fps
  private static final double NTSC = 30000 / 1001.0;

  @TempDir static Path dir;
  private static List<Mat> pan;
  private static Path mp4;
  private static OpenCvFrameSourceFactory factory;
  private static final TestLogger log = new TestLogger();

  @BeforeAll
  static void makeVideos() throws Exception {
    factory =
        new OpenCvFrameSourceFactory(new OpenCvLoader(), new FfmpegRuntimeComponent(), log.logger);
    pan = TestVideos.panFrames(N);
    mp4 = dir.resolve("pan.mp4");
    TestVideos.encode(pan, 30000, 1001, mp4, "libopenh264");
  }

  @AfterAll
  static void release() {
    pan.forEach(Mat::release);
  }

  @Test
  void mp4GivesEveryFrameInOrderWithItsTimeAndContent() throws Exception {
    List<Frame> frames = readAll(mp4, NTSC);
    assertEquals(N, frames.size());
    for (int i = 0; i < N; i++) {
      Frame frame = frames.get(i);
      assertEquals(i, frame.index());
      assertEquals(i * 1001.0 / 30, frame.timeMs(), 1e-6);
      assertEquals(W, frame.width());
      assertEquals(H, frame.height());
      assertLooksLikeSourceFrame(frames, i);
    }
    assertTrue(log.lines.isEmpty(), log.lines.toString());
  }

  @ParameterizedTest(name = "{0} with {1}")
  @CsvSource({
    "webm, libvpx, 25",
    "webm, libvpx-vp9, 25",
    "mkv, libopenh264, 30",
    "mov, libopenh264, 24",
    "avi, mjpeg, 20",
  })
  void everyContainerGivesEveryFrameInOrder(String container, String encoder, int fps)
      throws Exception {
    int n = 40;
    Path video = dir.resolve("pan-" + encoder + "." + container);
    TestVideos.encode(pan.subList(0, n), fps, 1, video, encoder);
    List<Frame> frames = readAll(video, fps);
    assertEquals(n, frames.size());
    for (int i = 0; i < n; i++) {
      assertEquals(i, frames.get(i).index());
      assertEquals(i * 1000.0 / fps, frames.get(i).timeMs(), 1e-9);
      assertLooksLikeSourceFrame(frames, i);
    }
  }

  /**
   * Frames given back are decoded into again: the same pixels as fresh arrays, from two arrays
   * for the whole file (the first frame is decoded while opening).
   */
  @Test
  void framesGivenBackAreDecodedIntoAgainWithTheSamePixels() throws Exception {
    List<Frame> fresh = readAll(mp4, NTSC);
    java.util.Set<byte[]> arrays = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    int n = 0;
    try (FrameSource source = factory.open(new SourceSpec(mp4.toString(), false))) {
      for (Optional<Frame> f = source.next(); f.isPresent(); f = source.next(), n++) {
        Frame frame = f.get();
        assertEquals(n, frame.index());
        assertTrue(java.util.Arrays.equals(fresh.get(n).bgr(), frame.bgr()), "frame " + n + "'s pixels");
        arrays.add(frame.bgr());
        source.recycle(frame);
      }
    }
    assertEquals(N, n);
    assertTrue(arrays.size() <= 2, arrays.size() + " arrays for " + N + " frames");
  }

  /** OpenCV's own Motion-JPEG reader is an independent decode: BGR order, rows, no shift. */
  @Test
  void mjpegAviFromOpenCvMatchesOpenCvsOwnDecoding() throws Exception {
    Path avi = dir.resolve("opencv.avi");
    VideoWriter writer = new VideoWriter(avi.toString(), Videoio.CAP_OPENCV_MJPEG,
        VideoWriter.fourcc('M', 'J', 'P', 'G'), 15, new Size(W, H));
    pan.subList(0, 30).forEach(writer::write);
    writer.release();
    List<Frame> frames = readAll(avi, 15);
    assertEquals(30, frames.size());
    VideoCapture opencv = new VideoCapture(avi.toString(), Videoio.CAP_OPENCV_MJPEG);
    Mat own = new Mat();
    try {
      for (Frame frame : frames) {
        assertTrue(opencv.read(own), "OpenCV read frame " + frame.index());
        double diff = meanAbsDiff(frame, own);
        assertTrue(diff < 1.5, "frame " + frame.index() + " differs from OpenCV's by " + diff);
      }
      assertFalse(opencv.read(own), "OpenCV has more frames than FFmpeg gave");
    } finally {
      own.release();
      opencv.release();
    }
  }

  @Test
  void realtimeMp4DropsWhatASlowConsumerCannotTakeAndCountsIt() throws Exception {
    List<Long> indices = new ArrayList<>();
    long skipped;
    try (FrameSource source = factory.open(new SourceSpec(mp4.toString(), true))) {
      assertTrue(source.info().live());
      assertEquals(NTSC, source.info().fps(), 1e-9);
      for (Optional<Frame> f = source.next(); f.isPresent(); f = source.next()) {
        indices.add(f.get().index());
        Thread.sleep(120); // a consumer about four times slower than the file
      }
      skipped = source.skipped();
    }
    assertTrue(skipped > 0, "nothing skipped");
    assertEquals(N, indices.size() + skipped);
    assertEquals(N - 1, indices.get(indices.size() - 1));
    for (int i = 1; i < indices.size(); i++) {
      assertTrue(indices.get(i) > indices.get(i - 1), "indices " + indices);
    }
  }

  @Test
  void corruptMp4FailsWithOneLineNamingTheFileAndFfmpegsReason() throws Exception {
    byte[] noise = new byte[64 * 1024];
    new Random(7).nextBytes(noise);
    Path corrupt = Files.write(dir.resolve("corrupt.mp4"), noise);
    IOException e = assertThrows(IOException.class, () -> open(corrupt));
    String message = e.getMessage();
    assertTrue(message.startsWith("cannot decode video: " + corrupt + " (ffmpeg: "), message);
    assertTrue(message.endsWith(")") && message.length() > 40, message);
    assertFalse(message.contains("\n") || message.contains(" @ 0x"), message);
  }

  @Test
  void truncatedMp4IsNamed() throws Exception {
    byte[] whole = Files.readAllBytes(mp4);
    // The index of an MP4 written in one go sits at its end: without it nothing is decodable.
    Path cut = Files.write(dir.resolve("cut.mp4"), java.util.Arrays.copyOf(whole, whole.length / 2));
    IOException e = assertThrows(IOException.class, () -> open(cut));
    assertTrue(e.getMessage().startsWith("cannot decode video: " + cut + " (ffmpeg: "),
        e.getMessage());
  }

  @Test
  void videoWithoutAVideoStreamIsNamed() throws Exception {
    Path audio = Files.write(dir.resolve("tone.wav"), wav(8000, 8000));
    IOException e = assertThrows(IOException.class, () -> open(audio));
    assertEquals("cannot decode video: " + audio + " (ffmpeg: no video stream)", e.getMessage());
  }

  @Test
  void closingMidStreamEndsTheSourceAndIsIdempotent() throws Exception {
    FrameSource pulled = factory.open(new SourceSpec(mp4.toString(), false));
    assertEquals(0, pulled.next().orElseThrow().index());
    assertEquals(1, pulled.next().orElseThrow().index());
    pulled.close();
    assertTrue(pulled.next().isEmpty());
    pulled.close();

    FrameSource live = factory.open(new SourceSpec(mp4.toString(), true));
    assertTrue(live.next().isPresent());
    live.close();
    assertTrue(live.next().isEmpty());
    live.close();
  }

  private static void open(Path file) throws IOException {
    factory.open(new SourceSpec(file.toString(), false)).close();
  }

  private static List<Frame> readAll(Path video, double fps) throws Exception {
    List<Frame> frames = new ArrayList<>();
    try (FrameSource source = factory.open(new SourceSpec(video.toString(), false))) {
      assertEquals(W, source.info().width());
      assertEquals(H, source.info().height());
      assertEquals(fps, source.info().fps(), 1e-9);
      assertFalse(source.info().live());
      for (Optional<Frame> f = source.next(); f.isPresent(); f = source.next()) {
        frames.add(f.get());
        assertTrue(source.lastDecodeMs() >= 0);
      }
      assertEquals(0, source.skipped());
      assertTrue(source.next().isEmpty(), "a source stays ended");
    }
    return frames;
  }

  /** Decoded frame i looks like source frame i (lossy codec) and not like a neighbour. */
  private static void assertLooksLikeSourceFrame(List<Frame> frames, int i) {
    int n = frames.size();
    double own = meanAbsDiff(frames.get(i), pan.get(i));
    double other = meanAbsDiff(frames.get(i), pan.get(i < n / 2 ? i + 8 : i - 8));
    assertTrue(own < 6 && own * 3 < other, "frame " + i + ": " + own + " vs " + other);
  }

  /** A mono 16-bit PCM WAV file of a 440 Hz tone: a real media file with no video in it. */
  private static byte[] wav(int rate, int samples) {
    ByteBuffer b = ByteBuffer.allocate(44 + 2 * samples).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes()).putInt(36 + 2 * samples).put("WAVE".getBytes());
    b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1);
    b.putInt(rate).putInt(rate * 2).putShort((short) 2).putShort((short) 16);
    b.put("data".getBytes()).putInt(2 * samples);
    for (int i = 0; i < samples; i++) {
      b.putShort((short) (8000 * Math.sin(2 * Math.PI * 440 * i / rate)));
    }
    return b.array();
  }
}

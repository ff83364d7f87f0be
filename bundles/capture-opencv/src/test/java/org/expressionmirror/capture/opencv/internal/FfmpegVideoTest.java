package org.expressionmirror.capture.opencv.internal;

import static org.expressionmirror.capture.opencv.internal.TestVideos.H;
import static org.expressionmirror.capture.opencv.internal.TestVideos.W;
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
import java.util.Random;
import org.expressionmirror.api.Frame;
import org.expressionmirror.api.FrameSource;
import org.expressionmirror.api.SourceSpec;
import org.expressionmirror.platform.opencv.internal.OpenCvLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Mat;

/**
 * Videos OpenCV cannot read, decoded through the ffmpeg program: H.264 in MP4 and VP9 in WebM,
 * made by the ffmpeg CLI from a real photo. Timeouts only guard against hangs.
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
    factory = new OpenCvFrameSourceFactory(TestConfig.DEFAULT, new OpenCvLoader(), log.logger);
    pan = TestVideos.panFrames(N);
    mp4 = dir.resolve("pan.mp4");
    TestVideos.encode(
        pan, "30000/1001", mp4, "-c:v", "libx264", "-preset", "veryfast", "-crf", "18");
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
    // The very pixels ffmpeg decodes on its own (PNG read by ImageIO): BGR order, rows, no shift.
    for (int i : new int[] {0, 47, N - 1}) {
      Mat independent = TestVideos.decodeWithFfmpeg(mp4, i, dir);
      double diff = meanAbsDiff(frames.get(i), independent);
      independent.release();
      assertTrue(diff < 1.5, "frame " + i + " differs from ffmpeg's own PNG by " + diff);
    }
    assertTrue(log.lines.isEmpty(), log.lines.toString());
  }

  @Test
  void webmGivesEveryFrameInOrder() throws Exception {
    int n = 50;
    Path webm = dir.resolve("pan.webm");
    TestVideos.encode(pan.subList(0, n), "25", webm, "-c:v", "libvpx-vp9", "-deadline", "realtime",
        "-cpu-used", "8", "-b:v", "1M");
    List<Frame> frames = readAll(webm, 25);
    assertEquals(n, frames.size());
    for (int i = 0; i < n; i++) {
      assertEquals(i, frames.get(i).index());
      assertEquals(i * 40.0, frames.get(i).timeMs(), 1e-9);
      assertLooksLikeSourceFrame(frames, i);
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
    assertTrue(TestVideos.liveFfmpegChildren().isEmpty());
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
    assertTrue(TestVideos.liveFfmpegChildren().isEmpty());
  }

  @Test
  void videoWithoutAVideoStreamIsNamed() throws Exception {
    Path audio = dir.resolve("tone.mkv");
    TestVideos.run(List.of("ffmpeg", "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i",
        "sine=frequency=440:duration=1", "-c:a", "flac", audio.toString()));
    IOException e = assertThrows(IOException.class, () -> open(audio));
    assertEquals("cannot decode video: " + audio + " (ffmpeg: no video stream)", e.getMessage());
  }

  @Test
  void missingFfmpegGivesAdvice() throws Exception {
    TestLogger quiet = new TestLogger();
    OpenCvFrameSourceFactory noFfmpeg =
        new OpenCvFrameSourceFactory(
            new TestConfig("expression-mirror-test-no-ffmpeg"), new OpenCvLoader(), quiet.logger);
    IOException e =
        assertThrows(IOException.class, () -> noFfmpeg.open(new SourceSpec(mp4.toString(), false)));
    assertTrue(
        e.getMessage()
            .startsWith(
                "cannot decode video: "
                    + mp4
                    + " (this OpenCV build reads Motion-JPEG .avi only; install ffmpeg to read"
                    + " other formats"),
        e.getMessage());
    assertTrue(quiet.lines.isEmpty(), quiet.lines.toString());
  }

  @Test
  void closingMidStreamStopsFfmpeg() throws Exception {
    FrameSource pulled = factory.open(new SourceSpec(mp4.toString(), false));
    assertEquals(0, pulled.next().orElseThrow().index());
    assertEquals(1, pulled.next().orElseThrow().index());
    assertEquals(1, TestVideos.liveFfmpegChildren().size(), "ffmpeg runs while frames are read");
    pulled.close();
    assertTrue(TestVideos.liveFfmpegChildren().isEmpty(), "ffmpeg left running after close");
    assertTrue(pulled.next().isEmpty());
    pulled.close();

    FrameSource live = factory.open(new SourceSpec(mp4.toString(), true));
    assertTrue(live.next().isPresent());
    live.close();
    assertTrue(TestVideos.liveFfmpegChildren().isEmpty(), "ffmpeg left running after close");
    assertTrue(live.next().isEmpty());
  }

  @Test
  void configuredFfmpegPathIsUsedAndABadOneIsRejected() throws Exception {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Files.createSymbolicLink(bin.resolve("ffmpeg"), onPath("ffmpeg"));
    Files.createSymbolicLink(bin.resolve("ffprobe"), onPath("ffprobe"));
    TestLogger logged = new TestLogger();
    OpenCvFrameSourceFactory configured =
        new OpenCvFrameSourceFactory(
            new TestConfig(bin.resolve("ffmpeg").toString()), new OpenCvLoader(), logged.logger);
    assertEquals(bin.resolve("ffprobe").toString(), configured.ffmpeg().ffprobe());
    try (FrameSource source = configured.open(new SourceSpec(mp4.toString(), false))) {
      assertEquals(0, source.next().orElseThrow().index());
    }
    configured.modified(new TestConfig(dir.resolve("nowhere/ffmpeg").toString()));
    assertEquals(bin.resolve("ffmpeg").toString(), configured.ffmpeg().ffmpeg());
    assertEquals(1, logged.lines.size(), logged.lines.toString());
    String error = logged.lines.get(0);
    assertTrue(error.startsWith("error: mirror.capture: ffmpeg "), error);
    assertTrue(logged.lines.get(0).contains(dir.resolve("nowhere/ffmpeg").toString()));
  }

  private static Path onPath(String program) {
    for (String folder : System.getenv("PATH").split(":")) {
      Path candidate = Path.of(folder, program);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(program + " is not on the PATH (the build needs ffmpeg)");
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
    }
    assertTrue(TestVideos.liveFfmpegChildren().isEmpty(), "ffmpeg still running at the end");
    return frames;
  }

  /** Decoded frame i looks like source frame i (lossy codec) and not like a neighbour. */
  private static void assertLooksLikeSourceFrame(List<Frame> frames, int i) {
    int n = frames.size();
    double own = meanAbsDiff(frames.get(i), pan.get(i));
    double other = meanAbsDiff(frames.get(i), pan.get(i < n / 2 ? i + 8 : i - 8));
    assertTrue(own < 6 && own * 3 < other, "frame " + i + ": " + own + " vs " + other);
  }
}

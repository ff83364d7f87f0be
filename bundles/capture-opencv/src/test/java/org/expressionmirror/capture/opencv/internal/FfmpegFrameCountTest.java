package org.expressionmirror.capture.opencv.internal;

import static org.expressionmirror.capture.opencv.internal.TestVideos.H;
import static org.expressionmirror.capture.opencv.internal.TestVideos.W;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.expressionmirror.api.Frame;
import org.expressionmirror.api.FrameSource;
import org.expressionmirror.api.SourceSpec;
import org.expressionmirror.platform.ffmpeg.internal.FfmpegRuntimeComponent;
import org.expressionmirror.platform.ffmpeg.internal.TestVideoWriter;
import org.expressionmirror.platform.opencv.FrameMats;
import org.expressionmirror.platform.opencv.internal.OpenCvLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opencv.core.Mat;

/**
 * Videos decoded by FFmpeg are held to the frame count their container declares, as AVI files
 * are: an MP4 whose media data ends early fails saying how many frames it gave, a complete one
 * declares exactly its frames and ends normally. Timeouts only guard against hangs.
 */
@Timeout(120)
class FfmpegFrameCountTest {
  private static final int N = 40;

  @TempDir static Path dir;
  private static List<byte[]> pan;
  private static OpenCvFrameSourceFactory factory;
  private static final TestLogger log = new TestLogger();

  @BeforeAll
  static void makeFrames() {
    factory =
        new OpenCvFrameSourceFactory(new OpenCvLoader(), new FfmpegRuntimeComponent(), log.logger);
    List<Mat> mats = TestVideos.panFrames(N);
    pan = new ArrayList<>();
    for (Mat mat : mats) {
      pan.add(FrameMats.toFrame(mat, 0, 0).bgr());
      mat.release();
    }
  }

  @ParameterizedTest(name = "{0} with {1}, {2}")
  @CsvSource({
    "mp4, libopenh264, '', 40",
    "mp4, libopenh264, faststart, 40",
    "mov, libopenh264, '', 40",
    "mp4, mpeg4, '', 40",
    "mkv, libopenh264, '', 0",
  })
  void aCompleteVideoDeclaresExactlyItsFramesAndEndsNormally(
      String container, String encoder, String movflags, long declared) throws Exception {
    Path video = write("whole-" + encoder + movflags + "." + container, encoder, movflags);
    int warnings = log.lines.size();
    try (FrameSource source = factory.open(new SourceSpec(video.toString(), false))) {
      assertEquals(declared, source.info().declaredFrames());
      assertEquals(N, readAll(source).size());
      assertTrue(source.next().isEmpty(), "a source stays ended");
    }
    assertEquals(warnings, log.lines.size(), log.lines.toString());
  }

  @Test
  void anMp4WhoseMediaDataIsCutFailsSayingHowManyFramesItGave() throws Exception {
    byte[] whole = Files.readAllBytes(write("front-index.mp4", "libopenh264", "faststart"));
    int mdat = boxStart(whole, "mdat");
    assertTrue(boxStart(whole, "moov") < mdat, "the index is in front of the media data");
    // The index still lists all 40 frames; the second half of their data is gone.
    Path cut = Files.write(dir.resolve("cut.mp4"),
        Arrays.copyOf(whole, mdat + (whole.length - mdat) / 2));
    List<Frame> frames = new ArrayList<>();
    IOException e;
    try (FrameSource source = factory.open(new SourceSpec(cut.toString(), false))) {
      assertEquals(N, source.info().declaredFrames());
      e = assertThrows(IOException.class, () -> {
        for (Optional<Frame> f = source.next(); f.isPresent(); f = source.next()) {
          frames.add(f.get());
        }
      });
      assertTrue(source.next().isEmpty(), "said once, then ended");
    }
    assertTrue(frames.size() > 0 && frames.size() < N, frames.size() + " frames");
    assertEquals(
        "read " + frames.size() + " of " + N + " frames declared by " + cut
            + "; the rest of the file could not be read",
        e.getMessage());
  }

  @Test
  void aRealtimeMp4WhoseMediaDataIsCutFailsToo() throws Exception {
    byte[] whole = Files.readAllBytes(write("front-index-live.mp4", "libopenh264", "faststart"));
    int mdat = boxStart(whole, "mdat");
    Path cut = Files.write(dir.resolve("cut-live.mp4"),
        Arrays.copyOf(whole, mdat + (whole.length - mdat) / 3));
    try (FrameSource source = factory.open(new SourceSpec(cut.toString(), true))) {
      assertTrue(source.info().live());
      IOException e = assertThrows(IOException.class, () -> readAll(source));
      assertTrue(e.getMessage().contains(" of " + N + " frames declared by " + cut),
          e.getMessage());
    }
  }

  private static Path write(String name, String encoder, String movflags) throws IOException {
    Path video = dir.resolve(name);
    Map<String, String> options = movflags.isEmpty() ? Map.of() : Map.of("movflags", movflags);
    TestVideoWriter.write(video, encoder, 25, 1, W, H, pan, options);
    return video;
  }

  private static List<Frame> readAll(FrameSource source) throws Exception {
    List<Frame> frames = new ArrayList<>();
    for (Optional<Frame> f = source.next(); f.isPresent(); f = source.next()) {
      frames.add(f.get());
    }
    return frames;
  }

  /** Offset of the top-level MP4 box of that type (32-bit box sizes: small test files). */
  private static int boxStart(byte[] mp4, String type) {
    ByteBuffer b = ByteBuffer.wrap(mp4);
    for (int at = 0; at + 8 <= mp4.length && b.getInt(at) >= 8; at += b.getInt(at)) {
      if (new String(mp4, at + 4, 4, StandardCharsets.US_ASCII).equals(type)) {
        return at;
      }
    }
    throw new AssertionError("no " + type + " box");
  }
}

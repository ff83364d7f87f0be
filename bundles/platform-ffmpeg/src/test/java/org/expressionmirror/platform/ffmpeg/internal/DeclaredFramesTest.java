package org.expressionmirror.platform.ffmpeg.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.expressionmirror.platform.ffmpeg.VideoDecoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The frame count a container declares is exactly what decoding delivers, for every container
 * that declares one; containers without a count declare 0.
 */
class DeclaredFramesTest {
  private static final int W = 64;
  private static final int H = 48;
  private static final int N = 30;

  @TempDir Path dir;

  @ParameterizedTest(name = "{0} with {1}")
  @CsvSource({
    "mp4, libopenh264, 30",
    "mov, libopenh264, 30",
    "avi, mjpeg, 30",
    "mp4, mpeg4, 30",
    "mkv, libopenh264, 0",
    "webm, libvpx, 0",
  })
  void declaresExactlyTheFramesItDelivers(String container, String encoder, long declared)
      throws Exception {
    Path video = dir.resolve("square-" + encoder + "." + container);
    TestVideoWriter.write(video, encoder, 25, 1, W, H, FfmpegRuntimeComponentTest.squares(N));
    assertEquals(declared, declaredFrames(video));
    assertEquals(N, decodeAll(video));
  }

  @Test
  void mp4WithItsIndexInFrontDeclaresItsFrames() throws Exception {
    Path mp4 = faststartMp4();
    assertTrue(mdatStart(Files.readAllBytes(mp4)) > moovStart(Files.readAllBytes(mp4)));
    assertEquals(N, declaredFrames(mp4));
    assertEquals(N, decodeAll(mp4));
  }

  /** Cut media data: the index still declares every frame; decoding ends early without error. */
  @Test
  void mp4WithItsMediaDataCutDeclaresMoreThanItDelivers() throws Exception {
    byte[] whole = Files.readAllBytes(faststartMp4());
    int mdat = mdatStart(whole);
    Path cut = Files.write(dir.resolve("cut.mp4"),
        Arrays.copyOf(whole, mdat + (whole.length - mdat) / 2));
    assertEquals(N, declaredFrames(cut));
    int delivered = decodeAll(cut);
    assertTrue(delivered > 0 && delivered < N, "delivered " + delivered);
  }

  private Path faststartMp4() throws Exception {
    Path mp4 = dir.resolve("faststart.mp4");
    TestVideoWriter.write(mp4, "libopenh264", 25, 1, W, H, FfmpegRuntimeComponentTest.squares(N),
        Map.of("movflags", "faststart"));
    return mp4;
  }

  private static long declaredFrames(Path video) throws Exception {
    try (VideoDecoder decoder = new FfmpegRuntimeComponent().open(video, w -> {})) {
      return decoder.declaredFrames();
    }
  }

  private static int decodeAll(Path video) throws Exception {
    List<byte[]> frames = new ArrayList<>();
    try (VideoDecoder decoder = new FfmpegRuntimeComponent().open(video, w -> {})) {
      for (Optional<byte[]> f = decoder.next(); f.isPresent(); f = decoder.next()) {
        frames.add(f.get());
      }
    }
    return frames.size();
  }

  /** Offset of the top-level MP4 box of that type (32-bit sizes: small test files). */
  static int boxStart(byte[] mp4, String type) {
    ByteBuffer b = ByteBuffer.wrap(mp4);
    for (int at = 0; at + 8 <= mp4.length; at += b.getInt(at)) {
      if (new String(mp4, at + 4, 4, java.nio.charset.StandardCharsets.US_ASCII).equals(type)) {
        return at;
      }
      if (b.getInt(at) < 8) {
        break;
      }
    }
    throw new AssertionError("no " + type + " box");
  }

  static int mdatStart(byte[] mp4) {
    return boxStart(mp4, "mdat");
  }

  private static int moovStart(byte[] mp4) {
    return boxStart(mp4, "moov");
  }
}

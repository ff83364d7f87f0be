package org.expressionmirror.platform.ffmpeg.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.expressionmirror.platform.ffmpeg.VideoDecoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The natives load from this module's jar contents, and a written video decodes frame by frame. */
class FfmpegRuntimeComponentTest {
  private static final int W = 64;
  private static final int H = 48;

  @TempDir Path dir;

  @Test
  void loadsTheNativesIntoTheTemporaryFolderNotHome() {
    FfmpegRuntimeComponent runtime = new FfmpegRuntimeComponent();
    assertTrue(runtime.version().startsWith("7.1"), runtime.version());
    Path cache = Path.of(System.getProperty(FfmpegNatives.CACHE_DIR));
    assertEquals(Path.of(System.getProperty("java.io.tmpdir"), "javacpp"), cache);
    assertTrue(Files.isDirectory(cache), "natives extracted to " + cache);
  }

  @Test
  void decodesEveryFrameOfAnMp4InOrder() throws Exception {
    Path mp4 = dir.resolve("square.mp4");
    int n = 30;
    TestVideoWriter.write(mp4, "libopenh264", 25, 1, W, H, squares(n));
    List<String> warnings = new ArrayList<>();
    List<byte[]> frames = new ArrayList<>();
    try (VideoDecoder video = new FfmpegRuntimeComponent().open(mp4, warnings::add)) {
      assertEquals(W, video.width());
      assertEquals(H, video.height());
      assertEquals(25, video.fps(), 1e-9);
      for (Optional<byte[]> f = video.next(); f.isPresent(); f = video.next()) {
        frames.add(f.get());
      }
      assertTrue(video.next().isEmpty());
    }
    assertEquals(n, frames.size());
    for (int i = 0; i < n; i++) {
      assertEquals(i, brightestColumn(frames.get(i)) / 2, "the square of frame " + i);
    }
    assertTrue(warnings.isEmpty(), warnings.toString());
  }

  @Test
  void aFileThatIsNoVideoIsNamedWithTheReason() throws Exception {
    Path text = Files.writeString(dir.resolve("notes.txt"), "not a video\n".repeat(50));
    IOException e = assertThrows(IOException.class,
        () -> new FfmpegRuntimeComponent().open(text, w -> {}));
    assertEquals("cannot decode video: " + text + " (ffmpeg: a text file, not a video)",
        e.getMessage());
    Path zeros = Files.write(dir.resolve("zeros.mp4"), new byte[4096]);
    e = assertThrows(IOException.class, () -> new FfmpegRuntimeComponent().open(zeros, w -> {}));
    assertTrue(e.getMessage().startsWith("cannot decode video: " + zeros + " (ffmpeg: "),
        e.getMessage());
  }

  /** Grey frames with a white 4-pixel square whose left edge moves 2 pixels a frame. */
  static List<byte[]> squares(int n) {
    List<byte[]> frames = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      byte[] bgr = new byte[W * H * 3];
      java.util.Arrays.fill(bgr, (byte) 60);
      for (int y = 20; y < 28; y++) {
        for (int x = 2 * i; x < 2 * i + 8 && x < W; x++) {
          int at = (y * W + x) * 3;
          bgr[at] = bgr[at + 1] = bgr[at + 2] = (byte) 250;
        }
      }
      frames.add(bgr);
    }
    return frames;
  }

  /** The first column of row 24 that is bright. */
  private static int brightestColumn(byte[] bgr) {
    for (int x = 0; x < W; x++) {
      if ((bgr[(24 * W + x) * 3 + 1] & 0xff) > 160) {
        return x;
      }
    }
    return -1;
  }
}

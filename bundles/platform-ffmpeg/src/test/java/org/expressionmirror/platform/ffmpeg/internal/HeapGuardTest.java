package org.expressionmirror.platform.ffmpeg.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decoding must not write outside the memory it owns. swscale's x86 YUV to BGR code writes whole
 * blocks of 16 pixels, so a frame whose width is no multiple of 16 (600 here) overran a tight
 * destination by up to 24 bytes per conversion; in the program that slowly corrupted the C heap
 * and killed the window program ("double free or corruption") 10 to 36 s into a realtime clip.
 * glibc's checking allocator (MALLOC_CHECK_=3 with libc_malloc_debug) marks the end of every
 * block and aborts at {@code free} when the mark was overwritten, so the decoding runs in a child
 * JVM with it: the child's exit code and output tell whether any block was overrun.
 */
class HeapGuardTest {
  private static final Path MALLOC_DEBUG = Path.of("/usr/lib/x86_64-linux-gnu/libc_malloc_debug.so.0");
  private static final int FRAMES = 12;

  @TempDir Path dir;

  @Test
  void decodingFramesOfAnyWidthLeavesTheHeapIntact() throws Exception {
    assertTrue(Files.isRegularFile(MALLOC_DEBUG), "glibc's checking allocator " + MALLOC_DEBUG);
    // 4:2:0 and 4:2:2 take swscale's SIMD path; widths 600 and 604 are no multiple of 16.
    List<String> clips = new ArrayList<>();
    for (int[] size : new int[][] {{600, 420}, {604, 420}, {632, 360}}) {
      Path clip = dir.resolve(size[0] + "x" + size[1] + ".avi");
      TestVideoWriter.write(clip, "mjpeg", 5, 1, size[0], size[1],
          frames(size[0], size[1]));
      clips.add(clip.toString());
    }
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
        DecodeAll.class.getName()));
    command.addAll(clips);
    ProcessBuilder child = new ProcessBuilder(command).redirectErrorStream(true);
    child.environment().put("LD_PRELOAD", MALLOC_DEBUG.toString());
    child.environment().put("MALLOC_CHECK_", "3");
    Process process = child.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the child ended: " + output);
    assertEquals(0, process.exitValue(), "the child's exit code; its output:\n" + output);
    for (String clip : clips) {
      // every frame's rows in place: the padded native rows are copied back without their padding
      assertTrue(output.contains(clip + ": " + FRAMES + " frames, " + FRAMES + " on the ramp"),
          output);
    }
  }

  private static List<byte[]> frames(int w, int h) {
    List<byte[]> frames = new ArrayList<>();
    for (int i = 0; i < FRAMES; i++) {
      byte[] bgr = new byte[w * h * 3];
      for (int p = 0; p < bgr.length; p++) {
        bgr[p] = (byte) ((p / 3 % w + i * 7) & 0xff); // a moving horizontal ramp
      }
      frames.add(bgr);
    }
    return frames;
  }

  /**
   * The child: decodes each file to its end, closing each decoder, and prints how many frames it
   * gave and how many show the written ramp at both ends of the middle and the last row.
   */
  static final class DecodeAll {
    private DecodeAll() {}

    public static void main(String[] args) throws IOException {
      FfmpegNatives.load();
      for (String file : args) {
        int count = 0;
        int onRamp = 0;
        try (FileDecoder decoder = FileDecoder.open(Path.of(file), System.out::println)) {
          for (Optional<byte[]> f = decoder.next(); f.isPresent(); f = decoder.next()) {
            onRamp += onRamp(f.get(), decoder.width(), decoder.height(), count) ? 1 : 0;
            count++;
          }
        }
        System.out.println(file + ": " + count + " frames, " + onRamp + " on the ramp");
      }
    }

    private static boolean onRamp(byte[] bgr, int w, int h, int frame) {
      for (int y : new int[] {h / 2, h - 1}) {
        for (int x : new int[] {8, w - 8}) {
          int expected = (x + frame * 7) & 0xff;
          int blue = bgr[(y * w + x) * 3] & 0xff;
          if (Math.abs(blue - expected) > 12) {
            return false;
          }
        }
      }
      return true;
    }
  }
}

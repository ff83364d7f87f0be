package org.expressionmirror.models.converter.faceapi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.expressionmirror.models.converter.tfjs.WeightTensor;
import org.expressionmirror.models.supply.PinMismatchException;
import org.expressionmirror.models.supply.PinnedFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaceApiWeightsTest {
  /** A quantised 2x2 tensor (scale 0.5, min -1) between two float32 tensors. */
  private static final String MANIFEST = """
      [{"paths": ["tiny.bin"], "weights": [
        {"name": "a/bias", "shape": [2], "dtype": "float32"},
        {"name": "a/filters", "shape": [2, 2], "dtype": "float32",
         "quantization": {"dtype": "uint8", "scale": 0.5, "min": -1.0}},
        {"name": "b/bias", "shape": [1], "dtype": "float32"}]}]
      """;

  @TempDir Path dir;
  private Path manifest;
  private Path bin;

  @BeforeEach
  void writeTinyModel() throws IOException {
    ByteBuffer b = ByteBuffer.allocate(2 * 4 + 4 + 4).order(ByteOrder.LITTLE_ENDIAN);
    b.putFloat(1.25f).putFloat(-3.5f);
    b.put((byte) 0).put((byte) 1).put((byte) 2).put((byte) 255);
    b.putFloat(7.0f);
    manifest = Files.writeString(dir.resolve("tiny-weights_manifest.json"), MANIFEST);
    bin = Files.write(dir.resolve("tiny.bin"), b.array());
  }

  @Test
  void dequantisesUint8AndReadsFloatsAtTheRightOffsets() throws IOException {
    Map<String, WeightTensor> t = FaceApiWeights.read(manifest, bin, PinnedFiles.sha256(bin));

    assertEquals(
        List.of("a/bias", "a/filters", "b/bias"), List.copyOf(t.keySet()));
    assertArrayEquals(new float[] {1.25f, -3.5f}, t.get("a/bias").requireFloats());
    // q * 0.5 - 1 for q = 0, 1, 2, 255 (255 checks the byte is read unsigned)
    assertArrayEquals(new float[] {-1f, -0.5f, 0f, 126.5f}, t.get("a/filters").requireFloats());
    assertArrayEquals(new int[] {2, 2}, t.get("a/filters").shape());
    assertArrayEquals(new float[] {7f}, t.get("b/bias").requireFloats());
  }

  @Test
  void dequantisesInDoubleThenRoundsToFloatLikeTfjs() throws IOException {
    // scale and min of face-api's dense0/conv0/filters; tfjs computes q * scale + min in double
    double scale = 0.0057930146946626555;
    double min = -0.7125408074435067;
    Files.writeString(manifest, """
        [{"paths": ["tiny.bin"], "weights": [{"name": "f", "shape": [3], "dtype": "float32",
          "quantization": {"dtype": "uint8", "scale": %s, "min": %s}}]}]
        """.formatted(scale, min));
    Files.write(bin, new byte[] {0, (byte) 123, (byte) 200});

    float[] f = FaceApiWeights.read(manifest, bin, PinnedFiles.sha256(bin)).get("f").requireFloats();
    assertArrayEquals(
        new float[] {(float) min, (float) (123 * scale + min), (float) (200 * scale + min)}, f);
    assertEquals(0.44606213f, f[2]);
  }

  @Test
  void truncatedShardIsRejectedNamingTheFile() throws IOException {
    byte[] all = Files.readAllBytes(bin);
    Files.write(bin, Arrays.copyOf(all, all.length - 3));

    IOException e = assertThrows(IOException.class,
        () -> FaceApiWeights.read(manifest, bin, PinnedFiles.sha256(bin)));
    assertTrue(e.getMessage().contains(bin.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("truncated"), e.getMessage());
  }

  @Test
  void wrongSha256IsRejectedNamingTheFile() throws IOException {
    String pinned = PinnedFiles.sha256(bin);
    byte[] all = Files.readAllBytes(bin);
    all[9] ^= 1; // same length, one weight changed
    Files.write(bin, all);

    PinMismatchException e = assertThrows(PinMismatchException.class,
        () -> FaceApiWeights.read(manifest, bin, pinned));
    assertTrue(e.getMessage().contains(bin.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("sha256 mismatch"), e.getMessage());
    assertTrue(e.getMessage().contains(pinned), e.getMessage());
  }

  @Test
  void manifestNamingAnotherShardIsRejected() throws IOException {
    Path other = Files.copy(bin, dir.resolve("other.bin"));
    IOException e = assertThrows(IOException.class,
        () -> FaceApiWeights.read(manifest, other, PinnedFiles.sha256(other)));
    assertTrue(e.getMessage().contains("other.bin"), e.getMessage());
  }
}

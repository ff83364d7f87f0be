package org.expressionmirror.models.converter.tfjs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TfjsWeightsTest {
  @TempDir Path dir;

  private JsonNode manifest(String json) throws IOException {
    return new ObjectMapper().readTree(json);
  }

  @Test
  void readsFloatsAndDequantisesUint8LikeTfjs() throws IOException {
    ByteBuffer b = ByteBuffer.allocate(8 + 3).order(ByteOrder.LITTLE_ENDIAN);
    b.putFloat(1.5f).putFloat(-2f).put((byte) 0).put((byte) 10).put((byte) 255);
    Files.write(dir.resolve("w.bin"), b.array());
    Map<String, WeightTensor> w = TfjsWeights.read(manifest("""
        [{"paths": ["w.bin"], "weights": [
          {"name": "a", "shape": [2], "dtype": "float32"},
          {"name": "q", "shape": [3], "dtype": "float32",
           "quantization": {"dtype": "uint8", "scale": 0.5, "min": -1.0}}]}]
        """), dir);
    assertArrayEquals(new float[] {1.5f, -2f}, w.get("a").requireFloats());
    // value = q * scale + min
    assertArrayEquals(new float[] {-1f, 4f, 126.5f}, w.get("q").requireFloats());
  }

  @Test
  void rejectsShardsLongerThanTheManifest() throws IOException {
    Files.write(dir.resolve("w.bin"), new byte[12]);
    IOException e = assertThrows(IOException.class, () -> TfjsWeights.read(manifest("""
        [{"paths": ["w.bin"], "weights": [{"name": "a", "shape": [2], "dtype": "float32"}]}]
        """), dir));
    assertTrue(e.getMessage().contains("4 bytes more"), e.getMessage());
  }
}

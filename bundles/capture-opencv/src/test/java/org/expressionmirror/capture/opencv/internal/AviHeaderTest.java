package org.expressionmirror.capture.opencv.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AVI header's frame count against AVI files laid out byte by byte: ffmpeg writes a repeated
 * frame of a constant-rate AVI as an empty chunk, which the header counts and no decoder shows.
 */
class AviHeaderTest {
  @TempDir Path dir;

  /** RIFF AVI with a header declaring {@code declared} frames and one video chunk per size. */
  private static byte[] avi(int declared, int... chunkSizes) {
    ByteArrayOutputStream movi = new ByteArrayOutputStream();
    ByteArrayOutputStream idx1 = new ByteArrayOutputStream();
    int offset = 4;
    for (int size : chunkSizes) {
      byte[] data = new byte[size + (size & 1)];
      movi.writeBytes(chunk("00dc", size, data));
      idx1.writeBytes(ints("00dc", 0x10, offset, size));
      offset += 8 + data.length;
    }
    byte[] avih = new byte[56];
    ByteBuffer.wrap(avih).order(ByteOrder.LITTLE_ENDIAN).putInt(16, declared);
    byte[] strh = new byte[56];
    ByteBuffer s = ByteBuffer.wrap(strh).order(ByteOrder.LITTLE_ENDIAN);
    s.put(0, "vids".getBytes(StandardCharsets.ISO_8859_1));
    s.putInt(32, declared);
    byte[] hdrl = concat("hdrl".getBytes(StandardCharsets.ISO_8859_1), chunk("avih", avih),
        list("strl", chunk("strh", strh)));
    byte[] body = concat("AVI ".getBytes(StandardCharsets.ISO_8859_1), chunk("LIST", hdrl),
        list("movi", movi.toByteArray()), chunk("idx1", idx1.toByteArray()));
    return chunk("RIFF", body);
  }

  private static byte[] list(String type, byte[] content) {
    return chunk("LIST", concat(type.getBytes(StandardCharsets.ISO_8859_1), content));
  }

  private static byte[] chunk(String id, byte[] data) {
    return chunk(id, data.length, data);
  }

  private static byte[] chunk(String id, int size, byte[] data) {
    ByteBuffer b = ByteBuffer.allocate(8 + data.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put(id.getBytes(StandardCharsets.ISO_8859_1)).putInt(size).put(data);
    return b.array();
  }

  private static byte[] ints(String id, int... values) {
    ByteBuffer b = ByteBuffer.allocate(4 + 4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put(id.getBytes(StandardCharsets.ISO_8859_1));
    for (int v : values) {
      b.putInt(v);
    }
    return b.array();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  private OptionalLong declared(byte[] avi) throws IOException {
    Path file = Files.write(dir.resolve("v.avi"), avi);
    return AviHeader.declaredFrames(file);
  }

  @Test
  void emptyChunksOfRepeatedFramesAreNotCountedAsFrames() throws IOException {
    assertEquals(OptionalLong.of(3), declared(avi(5, 100, 0, 101, 0, 102)));
  }

  @Test
  void withoutEmptyChunksTheHeaderCountStands() throws IOException {
    assertEquals(OptionalLong.of(3), declared(avi(3, 100, 101, 102)));
    // a file cut short keeps its header's count: the index is gone with the end of the file
    byte[] whole = avi(3, 100, 101, 102);
    byte[] cut = java.util.Arrays.copyOf(whole, 400);
    assertEquals(OptionalLong.of(3), declared(cut));
  }
}

package org.expressionmirror.launcher;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Writes a Motion-JPEG AVI in plain Java (no OpenCV, no ffmpeg in the test), so a test can also
 * write one whose header declares more frames than it holds, as a file cut short by a failed copy
 * or a crashed recorder does.
 */
final class MjpegAvi {
  private MjpegAvi() {}

  /**
   * A minute of {@code photo} at 5 frames a second, 320 pixels wide: read with --realtime, a run
   * that is still going a while after its first frames.
   */
  static Path minute(Path photo, Path file) throws IOException {
    List<byte[]> jpegs = frames(photo, 320, 300);
    BufferedImage first = ImageIO.read(new ByteArrayInputStream(jpegs.get(0)));
    write(file, jpegs, first.getWidth(), first.getHeight(), 5, 300);
    return file;
  }

  /** JPEG frames of a photo scaled to {@code width}, panned a little from frame to frame. */
  static List<byte[]> frames(Path photo, int width, int n) throws IOException {
    BufferedImage source = ImageIO.read(photo.toFile());
    int height = (width * source.getHeight() / source.getWidth()) & ~1;
    List<byte[]> frames = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      BufferedImage frame = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
      Graphics2D g = frame.createGraphics();
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      int shift = i * 4;
      g.drawImage(source, -shift, 0, width + shift, height, null);
      g.dispose();
      ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
      ImageIO.write(frame, "jpg", jpeg);
      frames.add(jpeg.toByteArray());
    }
    return frames;
  }

  /**
   * Writes the frames at {@code fps} with a header (main and stream header) declaring {@code
   * declared} frames; the index lists the frames actually written.
   */
  static void write(Path file, List<byte[]> jpegs, int width, int height, int fps, int declared)
      throws IOException {
    ByteArrayOutputStream movi = new ByteArrayOutputStream();
    movi.writeBytes(ascii("movi"));
    List<int[]> index = new ArrayList<>(); // offset from "movi", size
    for (byte[] jpeg : jpegs) {
      index.add(new int[] {movi.size(), jpeg.length});
      movi.writeBytes(chunk("00dc", jpeg));
    }
    ByteBuffer idx1 = le(16 * jpegs.size());
    for (int[] entry : index) {
      idx1.put(ascii("00dc")).putInt(0x10).putInt(entry[0]).putInt(entry[1]);
    }
    int largest = jpegs.stream().mapToInt(j -> j.length).max().orElse(0);
    ByteBuffer avih = le(56)
        .putInt(1_000_000 / fps).putInt(largest * fps).putInt(0).putInt(0x10)
        .putInt(declared).putInt(0).putInt(1).putInt(largest).putInt(width).putInt(height);
    ByteBuffer strh = le(56)
        .put(ascii("vids")).put(ascii("MJPG")).putInt(0).putShort((short) 0).putShort((short) 0)
        .putInt(0).putInt(1).putInt(fps).putInt(0).putInt(declared).putInt(largest).putInt(-1)
        .putInt(0).putShort((short) 0).putShort((short) 0).putShort((short) width)
        .putShort((short) height);
    ByteBuffer strf = le(40)
        .putInt(40).putInt(width).putInt(height).putShort((short) 1).putShort((short) 24)
        .put(ascii("MJPG")).putInt(width * height * 3).putInt(0).putInt(0).putInt(0).putInt(0);
    byte[] strl = list("strl", concat(chunk("strh", strh.array()), chunk("strf", strf.array())));
    byte[] hdrl = list("hdrl", concat(chunk("avih", avih.array()), strl));
    byte[] body = concat(ascii("AVI "), hdrl, chunk("LIST", movi.toByteArray()), chunk("idx1", idx1.array()));
    Files.write(file, chunk("RIFF", body));
  }

  private static ByteBuffer le(int size) {
    return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
  }

  private static byte[] ascii(String fourCc) {
    return fourCc.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] list(String type, byte[] content) {
    return chunk("LIST", concat(ascii(type), content));
  }

  /** A chunk: id, little-endian size, data, padded to an even length. */
  private static byte[] chunk(String id, byte[] data) {
    ByteBuffer b = le(8 + data.length + (data.length & 1));
    b.put(ascii(id)).putInt(data.length).put(data);
    return b.array();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}

package org.expressionmirror.capture.opencv.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;

/**
 * The frame count an AVI file's header declares, read without any decoder, so that a reader that
 * stops early can be caught whichever reader it is.
 *
 * <p>An AVI over 1 GiB is an OpenDML file: several RIFF parts, where the main header's {@code
 * avih.dwTotalFrames} counts only the frames of the first part and the extended header {@code
 * odml/dmlh.dwTotalFrames} counts them all; the video stream header's {@code strh.dwLength} is the
 * stream's length in frames. A reader that knows only the first part's index stops after about
 * 1 GiB, which is how 15,101 frames of an 83k-frame file went unread without a word. The largest
 * of the three is the declaration: they agree in an ordinary AVI, and in an OpenDML one the larger
 * ones are the whole file's.
 */
final class AviHeader {
  /** The header list sits at the start; ffmpeg's, with its reserved index space, is a few KiB. */
  private static final int HEADER_BYTES = 1 << 20;

  private AviHeader() {}

  /**
   * The declared frame count, less the empty video chunks the index lists; empty when the file is
   * no AVI or its header says nothing usable.
   */
  static OptionalLong declaredFrames(Path file) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer b = ByteBuffer.allocate((int) Math.min(HEADER_BYTES, channel.size()));
      while (b.hasRemaining() && channel.read(b) >= 0) {
        // reads until the buffer is full or the file ends
      }
      b.flip().order(ByteOrder.LITTLE_ENDIAN);
      OptionalLong declared = parse(b);
      if (declared.isEmpty()) {
        return declared;
      }
      return OptionalLong.of(Math.max(0, declared.getAsLong() - emptyVideoChunks(channel)));
    } catch (IOException | RuntimeException e) {
      // A header that cannot be read declares nothing; the reader reports a broken file itself.
      return OptionalLong.empty();
    }
  }

  /** Parses {@code RIFF AVI } with its {@code hdrl} list from the start of {@code b}. */
  static OptionalLong parse(ByteBuffer b) {
    if (b.remaining() < 12 || !fourCc(b, 0).equals("RIFF") || !fourCc(b, 8).equals("AVI ")) {
      return OptionalLong.empty();
    }
    int at = 12;
    while (at + 12 <= b.limit()) {
      String id = fourCc(b, at);
      long size = Integer.toUnsignedLong(b.getInt(at + 4));
      if (id.equals("LIST") && fourCc(b, at + 8).equals("hdrl")) {
        long frames = list(b, at + 12, end(b, at, size));
        return frames > 0 ? OptionalLong.of(frames) : OptionalLong.empty();
      }
      at = next(at, size);
    }
    return OptionalLong.empty();
  }

  /**
   * Video chunks of size 0 in the legacy index ({@code idx1}): a constant-rate writer (ffmpeg
   * turning a 29.97 fps source into AVI, say) repeats a frame by writing an empty chunk, which the
   * header counts as a frame and no decoder shows. 0 when there is no such index (an OpenDML part
   * beyond the first keeps its own; those are not read here).
   */
  static long emptyVideoChunks(FileChannel channel) throws IOException {
    long size = channel.size();
    ByteBuffer head = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    for (long at = 12; at + 8 <= size; ) {
      head.clear();
      channel.read(head, at);
      long length = Integer.toUnsignedLong(head.getInt(4));
      if (new String(head.array(), 0, 4, StandardCharsets.ISO_8859_1).equals("idx1")) {
        return emptyVideoEntries(channel, at + 8, Math.min(length, size - at - 8));
      }
      at += 8 + length + (length & 1);
    }
    return 0;
  }

  /** Entries of 16 bytes: chunk id, flags, offset, size; video chunk ids end in "dc" or "db". */
  private static long emptyVideoEntries(FileChannel channel, long from, long length) throws IOException {
    ByteBuffer index = ByteBuffer.allocate((int) Math.min(length, Integer.MAX_VALUE - 8)).order(ByteOrder.LITTLE_ENDIAN);
    while (index.hasRemaining() && channel.read(index, from + index.position()) > 0) {
      // reads the whole index
    }
    index.flip();
    long empty = 0;
    for (int e = 0; e + 16 <= index.limit(); e += 16) {
      String kind = fourCc(index, e).substring(2);
      if ((kind.equals("dc") || kind.equals("db")) && index.getInt(e + 12) == 0) {
        empty++;
      }
    }
    return empty;
  }

  /** The largest count in the chunks of a list and the lists inside it. */
  private static long list(ByteBuffer b, int from, int to) {
    long frames = 0;
    for (int at = from; at + 8 <= to; ) {
      String id = fourCc(b, at);
      long size = Integer.toUnsignedLong(b.getInt(at + 4));
      int data = at + 8;
      if (id.equals("LIST") && data + 4 <= to) {
        frames = Math.max(frames, list(b, data + 4, end(b, at, size)));
      } else if (id.equals("avih") && size >= 20 && data + 20 <= to) {
        frames = Math.max(frames, Integer.toUnsignedLong(b.getInt(data + 16)));
      } else if (id.equals("dmlh") && size >= 4 && data + 4 <= to) {
        frames = Math.max(frames, Integer.toUnsignedLong(b.getInt(data)));
      } else if (id.equals("strh") && size >= 36 && data + 36 <= to) {
        if (fourCc(b, data).equals("vids")) {
          frames = Math.max(frames, Integer.toUnsignedLong(b.getInt(data + 32)));
        }
      }
      at = next(at, size);
    }
    return frames;
  }

  private static int end(ByteBuffer b, int at, long size) {
    return (int) Math.min(b.limit(), at + 8 + size);
  }

  /** Chunks are padded to an even size. */
  private static int next(int at, long size) {
    long next = at + 8 + size + (size & 1);
    return next > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) next;
  }

  private static String fourCc(ByteBuffer b, int at) {
    if (at + 4 > b.limit()) {
      return "";
    }
    byte[] id = new byte[4];
    b.get(at, id);
    return new String(id, StandardCharsets.ISO_8859_1);
  }
}

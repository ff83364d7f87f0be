package org.expressionmirror.record.jsonl.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The record on disk: {@code <path>.partial} holding whole lines only, the last of which may be
 * an end line, renamed to {@code <path>} only when it is finished. A frame line is written with
 * one call and the size after it is remembered, so after a failed write (a full disk) the file is
 * cut back to its last whole line. An end line written when a run ends is taken back when more
 * frames follow (the window's log goes on across runs); cutting a file needs no free space.
 */
final class RecordFile implements Closeable {
  private final Path target;
  private final Path partial;
  private final FileChannel channel;
  private long frames;
  /** File size after the last frame line: everything up to here is whole frame lines. */
  private long frameBytes;

  private RecordFile(Path target, Path partial, FileChannel channel) {
    this.target = target;
    this.partial = partial;
    this.channel = channel;
  }

  /** Opens {@code <target>.partial} afresh; the caller closes the result. */
  static RecordFile create(Path target) throws IOException {
    Path partial = partialOf(target);
    FileChannel channel =
        FileChannel.open(
            partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    return new RecordFile(target, partial, channel);
  }

  static Path partialOf(Path target) {
    return target.resolveSibling(target.getFileName() + ".partial");
  }

  Path partial() {
    return partial;
  }

  Path target() {
    return target;
  }

  long frames() {
    return frames;
  }

  boolean isOpen() {
    return channel.isOpen();
  }

  /** Appends a frame line (taking back an end line first); a failed write leaves the whole lines. */
  void frame(byte[] line) throws IOException {
    cutToFrames();
    append(line);
    frames++;
    frameBytes = channel.position();
  }

  /** Makes {@code line} the file's last line, in place of an earlier end line. */
  void end(byte[] line) throws IOException {
    cutToFrames();
    append(line);
  }

  /** Cuts the file back to its last whole frame line (after a failed write, or to drop an end). */
  void cutToFrames() throws IOException {
    if (channel.size() != frameBytes) {
      channel.truncate(frameBytes);
    }
    channel.position(frameBytes);
  }

  /** Closes the file and gives it its final name: only for a finished record. */
  void finish() throws IOException {
    // a write the disk refuses late (delayed allocation) fails here, before the rename
    channel.force(false);
    channel.close();
    Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Closes and removes the file: a record that holds no frame is not kept. */
  void discard() throws IOException {
    channel.close();
    Files.deleteIfExists(partial);
  }

  /** Closes the file and keeps it as {@code .partial}. */
  @Override
  public void close() throws IOException {
    channel.close();
  }

  private void append(byte[] line) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(line);
    try {
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
    } catch (IOException e) {
      try {
        cutToFrames();
      } catch (IOException cut) {
        e.addSuppressed(cut);
      }
      throw e;
    }
  }
}

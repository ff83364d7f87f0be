package org.expressionmirror.launcher;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Keeps two programs from writing the same record: an operating-system lock on {@code
 * FILE.jsonl.lock} beside the record, holding the process id, taken before anything starts and
 * held until the program ends. The system drops the lock when the process dies, even by SIGKILL,
 * so a stale lock file blocks no one; a normal end removes the file. {@code --out FILE.jsonl} and
 * {@code --out FILE.jsonl.partial} share one lock, since the second would rename over the first's
 * partial record.
 */
final class RecordLock implements Closeable {
  private static final String PARTIAL = ".partial";
  private static final int ATTEMPTS = 5;

  private final Path file;
  private final FileChannel channel;

  private RecordLock(Path file, FileChannel channel) {
    this.file = file;
    this.channel = channel;
  }

  /** The lock file of the record {@code out}: {@code NAME.lock}, NAME without {@code .partial}. */
  static Path fileOf(Path out) {
    String name = out.getFileName().toString();
    while (name.endsWith(PARTIAL) && name.length() > PARTIAL.length()) {
      name = name.substring(0, name.length() - PARTIAL.length());
    }
    return out.resolveSibling(name + ".lock");
  }

  /** Takes the lock of {@code out}, or throws naming the process that holds it. */
  static RecordLock take(Path out) throws IOException {
    Path file = fileOf(out);
    String me = Long.toString(ProcessHandle.current().pid());
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (IOException | RuntimeException e) {
        channel.close();
        throw e;
      }
      if (lock == null) {
        channel.close();
        throw new IOException("--out " + out + " is in use by " + holder(file) + " (lock " + file + ")");
      }
      channel.truncate(0);
      channel.write(ByteBuffer.wrap((me + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
      channel.force(false);
      // The holder before us removes the file before it lets go: a lock on that removed file
      // protects nothing. Ours is real only if the name still leads to the file we locked.
      if (stillNamed(file)) {
        return new RecordLock(file, channel);
      }
      channel.close();
    }
    throw new IOException("--out " + out + ": cannot take its lock " + file + " (it keeps changing)");
  }

  /**
   * Whether {@code file} is the file this process has open (and locked). Compared by inode through
   * {@code /proc/self/fd} rather than by opening the file again: closing any other descriptor of
   * the file would drop this process's lock on it (POSIX record locks).
   */
  private static boolean stillNamed(Path file) throws IOException {
    Object key;
    try {
      key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    } catch (NoSuchFileException e) {
      return false;
    }
    Path fds = Path.of("/proc/self/fd");
    if (key == null || !Files.isDirectory(fds)) {
      return true;
    }
    try (DirectoryStream<Path> open = Files.newDirectoryStream(fds)) {
      for (Path fd : open) {
        if (key.equals(keyOf(fd))) {
          return true;
        }
      }
    }
    return false;
  }

  private static Object keyOf(Path fd) {
    try {
      return Files.readAttributes(fd, BasicFileAttributes.class).fileKey();
    } catch (IOException e) {
      return null; // closed meanwhile (the directory listing's own descriptor)
    }
  }

  private static String holder(Path file) {
    String pid = read(file);
    if (pid.isEmpty()) {
      return "another process";
    }
    String command =
        pid.chars().allMatch(Character::isDigit)
            ? ProcessHandle.of(Long.parseLong(pid)).flatMap(p -> p.info().command()).map(c -> " (" + c + ")").orElse("")
            : "";
    return "process " + pid + command;
  }

  /** The holder's pid; read only by a process that does not hold the lock (see stillNamed). */
  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.US_ASCII).strip();
    } catch (IOException e) {
      return "";
    }
  }

  /** Removes the lock file while still holding it, then lets go. */
  @Override
  public void close() throws IOException {
    if (!channel.isOpen()) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } finally {
      channel.close();
    }
  }
}

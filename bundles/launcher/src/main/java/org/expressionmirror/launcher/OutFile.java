package org.expressionmirror.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

/**
 * Checks {@code --out} before anything starts. The record is written as {@code FILE.partial} and
 * renamed to {@code FILE} at its end, so {@code FILE} must be a regular file or a new name:
 * renaming over a device (as root, {@code /dev/full}) or a FIFO would replace it, and writing a
 * folder cannot work. The same holds for the partial record and the lock file beside it.
 */
final class OutFile {
  private static final String LOCK = ".lock";

  private OutFile() {}

  /** Returns the record's real path (links resolved, so two names of one file share the lock). */
  static Path check(Path out) throws IOException {
    Path dir = out.toAbsolutePath().getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new IOException("folder of --out does not exist: " + dir);
    }
    if (Files.isDirectory(out)) {
      throw new IOException("--out names a folder, not a file: " + out);
    }
    if (out.getFileName().toString().endsWith(LOCK)) {
      throw new IOException("--out " + out + ": names ending in " + LOCK + " are the locks of records being written");
    }
    Path real = Files.exists(out) ? out.toRealPath() : dir.toRealPath().resolve(out.getFileName());
    for (Path p : List.of(real, partialOf(real), RecordLock.fileOf(real))) {
      if (Files.exists(p, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
        throw new IOException(
            "--out " + out + (p.equals(out.toAbsolutePath().normalize()) ? "" : ": " + p) + " is " + kind(p) + ", not a regular file");
      }
    }
    // a record writer that cannot open its file never starts, and a headless run waits for it
    try {
      Files.delete(Files.createTempFile(dir, ".mirror-", ".probe"));
    } catch (IOException e) {
      throw new IOException("cannot create a file in the folder of --out: " + dir + " (" + e + ")");
    }
    return real;
  }

  static Path partialOf(Path out) {
    return out.resolveSibling(out.getFileName() + ".partial");
  }

  /** What a path that is not a regular file is, from its mode bits (Linux's unix view). */
  private static String kind(Path p) {
    try {
      int type = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 0170000;
      return switch (type) {
        case 0020000 -> "a character device";
        case 0060000 -> "a block device";
        case 0010000 -> "a FIFO";
        case 0140000 -> "a socket";
        case 0120000 -> "a symbolic link";
        case 0040000 -> "a folder";
        default -> "something else";
      };
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return "something else";
    }
  }
}

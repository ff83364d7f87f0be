package org.expressionmirror.evaluation.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a report as JSON, whole or not at all: a temporary file beside it is moved into place. */
public final class ReportJson {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ReportJson() {}

  static String text(Report report) throws IOException {
    return MAPPER.writeValueAsString(report);
  }

  /** Writes any report (eval's, or train's that holds one) whole or not at all, after {@link #checkTarget}. */
  public static void write(Object report, Path file) throws EvaluationException {
    checkTarget(file);
    Path dir = file.toAbsolutePath().getParent();
    Path tmp = null;
    try {
      // A plain new file (not createTempFile, which makes it private to the owner) beside the report.
      tmp = dir.resolve("." + file.getFileName() + ".tmp");
      MAPPER.writeValue(tmp.toFile(), report);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new EvaluationException("report cannot be written to " + file + ": " + e.getMessage());
    } finally {
      try {
        if (tmp != null) {
          Files.deleteIfExists(tmp);
        }
      } catch (IOException ignored) {
        // best effort: the temporary file is hidden and named after the report
      }
    }
  }

  /**
   * Refuses, before the (long) run starts, a report path that cannot end as a regular file: a
   * missing folder, a folder, or an existing device, FIFO or socket, which the final rename would
   * replace (as root, {@code /dev/null} itself).
   */
  public static void checkTarget(Path file) throws EvaluationException {
    Path dir = file.toAbsolutePath().getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new EvaluationException("folder of the report file does not exist: " + dir);
    }
    if (Files.isDirectory(file)) {
      throw new EvaluationException("report file names a folder: " + file);
    }
    Path tmp = dir.resolve("." + file.getFileName() + ".tmp");
    for (Path p : new Path[] {file, tmp}) {
      if (Files.exists(p, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(p)) {
        throw new EvaluationException("report file " + p + " exists and is not a regular file (a device, FIFO or socket): choose a file name");
      }
    }
  }
}

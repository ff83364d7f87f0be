package org.expressionmirror.record.jsonl.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.expressionmirror.api.FrameResult;
import org.expressionmirror.api.ResultListener;
import org.expressionmirror.api.RunSummary;
import org.osgi.service.component.ComponentConstants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Records every frame result as a line of JSON in {@code <path>.partial}; the last line says how
 * the record ended. The file gets its final name {@code <path>} only when the record is complete:
 * the run read its whole source ({@code {"end":"complete","frames":N}}), or the window's log
 * switch was turned off. A run that failed ({@code "end":"error"}) or was stopped before its
 * source ended ({@code "end":"interrupted"}) stays {@code .partial}, so an interrupted record
 * never looks complete. A write that fails (a full disk) cuts the file back to its last whole
 * line and stops the run: the pipeline ends a run whose listener throws {@link
 * UncheckedIOException}.
 */
@Component(
    configurationPid = "mirror.record.jsonl",
    configurationPolicy = ConfigurationPolicy.REQUIRE,
    property = "mirror.record=jsonl")
@Designate(ocd = RecordConfig.class)
public final class JsonLinesRecorder implements ResultListener {
  static final String COMPLETE = "complete";
  static final String INTERRUPTED = "interrupted";
  static final String ERROR = "error";
  static final String STOPPED = "the program stopped before the source ended";

  private static final JsonFactory JSON = new JsonFactory();

  private final Logger logger;
  /** The open record, or null when the record is switched off. */
  private final RecordFile file;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(1024);
  private final JsonGenerator json;
  /** How the file ends now: complete, interrupted or error; null when its last line is a frame. */
  private String last;

  @Activate
  public JsonLinesRecorder(
      RecordConfig config, @Reference(service = LoggerFactory.class) Logger logger)
      throws IOException {
    this.logger = logger;
    if (config.enabled() && (config.path() == null || config.path().isBlank())) {
      throw new IllegalArgumentException("mirror.record.jsonl: path must name a file");
    }
    this.file = config.enabled() ? open(Path.of(config.path()).toAbsolutePath()) : null;
    this.json = JSON.createGenerator(line);
    // lines are separated by the newline JsonLines writes, not by Jackson's default space
    json.setRootValueSeparator(null);
  }

  private static RecordFile open(Path target) throws IOException {
    Path dir = target.getParent();
    if (dir != null && !Files.isDirectory(dir)) {
      throw new IOException("mirror.record.jsonl: folder does not exist: " + dir);
    }
    // writing to a device or a FIFO, or renaming over a folder, would not leave a record
    for (Path p : new Path[] {target, RecordFile.partialOf(target)}) {
      if (Files.exists(p) && !Files.isRegularFile(p)) {
        throw new IOException("mirror.record.jsonl: path is not a regular file: " + p);
      }
    }
    return RecordFile.create(target);
  }

  private boolean open() {
    return file != null && file.isOpen();
  }

  @Override
  public synchronized void onResult(FrameResult result) {
    if (!open()) {
      return;
    }
    try {
      JsonLines.write(json, result);
      file.frame(take());
      last = null;
    } catch (IOException e) {
      throw failed(e);
    }
  }

  /**
   * A run ended. Its end is written at once, so a full disk fails the run that wrote the record
   * rather than go unnoticed after it; the window's log goes on when another run follows, and
   * the next frame takes the end line back.
   */
  @Override
  public synchronized void onEnd(RunSummary summary) {
    if (!open()) {
      return;
    }
    try {
      if (summary.failed()) {
        end(ERROR, summary.error());
      } else {
        end(COMPLETE, null);
      }
    } catch (IOException e) {
      throw failed(e);
    }
  }

  /**
   * Finishes the file. Turning the log switch off (a changed or deleted configuration) completes
   * the record; the program stopping completes it only if the last run read its whole source.
   */
  @Deactivate
  synchronized void deactivate(int reason) {
    if (!open()) {
      return;
    }
    boolean switchedOff =
        reason == ComponentConstants.DEACTIVATION_REASON_CONFIGURATION_MODIFIED
            || reason == ComponentConstants.DEACTIVATION_REASON_CONFIGURATION_DELETED;
    try {
      if (switchedOff) {
        end(COMPLETE, null);
      } else if (last == null) {
        end(INTERRUPTED, STOPPED);
      }
      close();
    } catch (IOException e) {
      logger.error("cannot finish {}: {}; kept as {}", file.target(), e.getMessage(), file.partial());
      closeQuietly();
    }
  }

  private void close() throws IOException {
    if (!COMPLETE.equals(last)) {
      if (file.frames() == 0) {
        // nothing recorded (e.g. a source that failed at once): no file at all
        file.discard();
        return;
      }
      file.close();
      logger.info("kept {} frames in {} ({})", file.frames(), file.partial(), last);
      return;
    }
    file.finish();
    logger.info("wrote {} frames to {}", file.frames(), file.target());
  }

  private void end(String how, String reason) throws IOException {
    JsonLines.end(json, how, reason, file.frames());
    file.end(take());
    last = how;
  }

  private byte[] take() throws IOException {
    json.flush();
    byte[] bytes = line.toByteArray();
    line.reset();
    return bytes;
  }

  /**
   * After a failed write the file holds whole lines only; an error end line is added if it fits.
   * The message is the one line the user sees: the pipeline prints it and stops the run.
   */
  private UncheckedIOException failed(IOException e) {
    line.reset();
    String why = e.getMessage() == null ? e.toString() : e.getMessage();
    try {
      end(ERROR, "cannot write: " + why);
    } catch (IOException full) {
      e.addSuppressed(full);
    }
    closeQuietly();
    return new UncheckedIOException(
        "cannot write "
            + file.partial()
            + ": "
            + why
            + "; the record stops at its last whole line ("
            + file.frames()
            + " frames) and is kept as "
            + file.partial(),
        e);
  }

  private void closeQuietly() {
    try {
      file.close();
    } catch (IOException e) {
      logger.error("cannot close {}: {}", file.partial(), e.getMessage());
    }
  }
}

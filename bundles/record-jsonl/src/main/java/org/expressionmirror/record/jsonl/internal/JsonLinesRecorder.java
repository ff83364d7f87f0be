package org.expressionmirror.record.jsonl.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.expressionmirror.api.FrameResult;
import org.expressionmirror.api.ResultListener;
import org.expressionmirror.api.RunSummary;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Records every frame result as a line of JSON. Lines go to {@code <path>.partial}, which becomes
 * {@code <path>} only when the record ends (the log switch turned off, or the program stopping),
 * so a reader never sees a half-written record and a run that failed before its first frame
 * leaves no file at all.
 */
@Component(
    configurationPid = "mirror.record.jsonl",
    configurationPolicy = ConfigurationPolicy.REQUIRE,
    property = "mirror.record=jsonl")
@Designate(ocd = RecordConfig.class)
public final class JsonLinesRecorder implements ResultListener {
  private static final JsonFactory JSON = new JsonFactory();

  private final Logger logger;
  private final Path target;
  private final Path partial;
  private final JsonGenerator out;
  private long lines;

  @Activate
  public JsonLinesRecorder(
      RecordConfig config, @Reference(service = LoggerFactory.class) Logger logger)
      throws IOException {
    this.logger = logger;
    if (config.enabled() && (config.path() == null || config.path().isBlank())) {
      throw new IllegalArgumentException("mirror.record.jsonl: path must name a file");
    }
    this.target = config.enabled() ? Path.of(config.path()).toAbsolutePath() : null;
    this.partial = target == null ? null : target.resolveSibling(target.getFileName() + ".partial");
    this.out = partial == null ? null : open(partial);
  }

  private static JsonGenerator open(Path file) throws IOException {
    Path dir = file.getParent();
    if (dir != null && !Files.isDirectory(dir)) {
      throw new IOException("mirror.record.jsonl: folder does not exist: " + dir);
    }
    JsonGenerator g = JSON.createGenerator(Files.newBufferedWriter(file));
    // lines are separated by the newline JsonLines writes, not by Jackson's default space
    g.setRootValueSeparator(null);
    return g;
  }

  @Override
  public synchronized void onResult(FrameResult result) {
    if (out == null || out.isClosed()) {
      return;
    }
    try {
      JsonLines.write(out, result);
      lines++;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + partial, e);
    }
  }

  /**
   * A run ended; the record does not. In the window a new source (another camera, Retry) starts a
   * new run while the log switch stays on, so the file is finished only when the record is
   * (deactivation: the switch turned off, or the program stopping).
   */
  @Override
  public synchronized void onEnd(RunSummary summary) {
    if (out == null || out.isClosed()) {
      return;
    }
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + partial, e);
    }
  }

  /** Finishes the file: it appears complete, or not at all when no frame was recorded. */
  @Deactivate
  synchronized void deactivate() {
    if (out == null || out.isClosed()) {
      return;
    }
    try {
      out.close();
      if (lines == 0) {
        Files.deleteIfExists(partial);
      } else {
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        logger.info("wrote {} records to {}", lines, target);
      }
    } catch (IOException e) {
      logger.error("cannot finish {}: {}", target, e.getMessage());
    }
  }
}

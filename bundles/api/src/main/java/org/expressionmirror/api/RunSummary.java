package org.expressionmirror.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The end of a run.
 *
 * @param source description of the source
 * @param frames frames processed
 * @param faces face readings made
 * @param skipped frames a live source dropped to keep up
 * @param wallMs wall-clock milliseconds of the run
 * @param stages per stage (decode, detect, classify, smooth, pipeline) statistics
 * @param error why the run failed, empty when it ended normally
 * @param unreadable image files of a folder source that could not be decoded and were skipped
 */
public record RunSummary(
    String source,
    long frames,
    long faces,
    long skipped,
    double wallMs,
    Map<String, StageStats> stages,
    String error,
    long unreadable) {
  /** The end of a run without unreadable images. */
  public RunSummary(
      String source,
      long frames,
      long faces,
      long skipped,
      double wallMs,
      Map<String, StageStats> stages,
      String error) {
    this(source, frames, faces, skipped, wallMs, stages, error, 0);
  }

  public RunSummary {
    stages = Collections.unmodifiableMap(new LinkedHashMap<>(stages));
  }

  public double fps() {
    return wallMs <= 0 ? 0 : frames * 1000.0 / wallMs;
  }

  public boolean failed() {
    return !error.isEmpty();
  }
}

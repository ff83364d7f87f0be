package org.expressionmirror.pipeline.internal;

import java.io.IOException;
import java.util.List;
import java.util.function.IntConsumer;
import org.expressionmirror.api.FrameSource;
import org.expressionmirror.api.FrameSourceFactory;
import org.expressionmirror.api.MirrorView;
import org.expressionmirror.api.ResultListener;
import org.expressionmirror.api.RunSummary;
import org.expressionmirror.api.SourceSpec;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Runs the pipeline over the configured source on a thread of its own, which detects while a
 * second one reads the faces and, for files, a third decodes ahead ({@link Overlap}). A new {@code
 * mirror.source} configuration re-creates this component, which closes the old source and opens
 * the new one. When the source ends, the summary is printed and, for batch runs, the program is
 * asked to exit: 0 when the source was read to its end, 2 after an error of the source or the
 * configuration, 1 when the record could not be written.
 */
@Component(
    configurationPid = "mirror.source",
    configurationPolicy = ConfigurationPolicy.REQUIRE,
    immediate = true)
@Designate(ocd = SourceConfig.class)
public final class SourceRunner {
  private static final long STOP_WAIT_MS = 5000;
  private static final int OK = 0;
  /** Bad input: a source that does not open or fails mid-way, a bad configuration. */
  private static final int BAD_INPUT = 2;
  /** The record could not be written (a full disk): it is kept as {@code .partial}. */
  private static final int RECORD_FAILED = 1;

  private final SourceConfig config;
  private final PipelineComponent pipeline;
  private final FrameSourceFactory sources;
  private final Thread thread;
  private volatile boolean stopping;
  /** The run failed for its configuration or components, not for its source. */
  private volatile boolean componentsFailed;

  private final IntConsumer exit;
  /** Prints when the program's first frame was processed, for the start-up breakdown. */
  private final FirstFrameTiming firstFrameTiming;

  /**
   * The record writer, when the run has one. The launcher sets {@code
   * record.cardinality.minimum=1} for runs with {@code --out}, so the run does not start before
   * the writer is there to see frame 0.
   */
  @Reference(
      cardinality = ReferenceCardinality.MULTIPLE,
      policy = ReferencePolicy.DYNAMIC,
      target = "(mirror.record=jsonl)")
  private volatile List<ResultListener> record;

  /**
   * The window, when the run has one: the launcher sets {@code view.cardinality.minimum=1} for
   * window runs, and the window registers its view once it is open, so the first frame it shows
   * is frame 0 and a source that fails at once fails in front of it. Only DS reads this field.
   */
  @Reference(name = "view", cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
  private volatile List<MirrorView> view;

  @Activate
  public SourceRunner(
      SourceConfig config,
      @Reference PipelineComponent pipeline,
      @Reference FrameSourceFactory sources,
      // a constructor parameter, not a field: fields are injected after the constructor, when
      // the run thread started here may already have ended
      @Reference(cardinality = ReferenceCardinality.OPTIONAL, target = "(mirror.exit=true)")
          IntConsumer exit,
      BundleContext context) {
    this.firstFrameTiming = FirstFrameTiming.of(context);
    this.config = config;
    this.exit = exit;
    this.pipeline = pipeline;
    this.sources = sources;
    this.thread = new Thread(this::run, "mirror-pipeline");
    thread.start();
  }

  @Deactivate
  void stop() throws InterruptedException {
    stopping = true;
    thread.interrupt();
    thread.join(STOP_WAIT_MS);
  }

  /** How a run ended: its summary and the exit code a batch run ends the program with. */
  private record Ended(RunSummary summary, int exitCode) {}

  private void run() {
    boolean firstRun = pipeline.takeFirstRun();
    Ended ended = process();
    if (stopping) {
      return;
    }
    RunSummary summary = ended.summary();
    if (summary.failed()) {
      System.err.println("error: " + summary.error());
    }
    if (summary.frames() > 0 || !summary.failed()) {
      System.out.print(SummaryText.of(summary));
      System.out.flush();
    }
    if (exit != null && (config.exitAtEnd() || (summary.failed() && endsProgram(firstRun, summary)))) {
      exit.accept(ended.exitCode());
    }
  }

  /**
   * Whether a failed run of the window program ends it: a configuration or component missing at
   * the program's first run is a start-up error (exit 2, as in a batch run), and without a display
   * there is no window that could show a failure and offer another source. With a display, a
   * source that fails is shown in the window instead.
   */
  private boolean endsProgram(boolean firstRun, RunSummary summary) {
    return (firstRun && componentsFailed) || !displayPossible(System.getenv());
  }

  /** The window's own test (DisplayGate): without one of these it never opens. */
  static boolean displayPossible(java.util.Map<String, String> env) {
    return !env.getOrDefault("DISPLAY", "").isBlank()
        || !env.getOrDefault("WAYLAND_DISPLAY", "").isBlank();
  }

  private Ended process() {
    String name = config.source();
    PipelineRun run = pipeline.newRun();
    if (!pipeline.configError().isEmpty()) {
      componentsFailed = true;
      return end(run, name, null, pipeline.configError(), BAD_INPUT);
    }
    FrameSource source;
    try {
      source = sources.open(new SourceSpec(config.source(), config.realtime(), config.recursive()));
    } catch (IOException | IllegalArgumentException e) {
      pipeline.sourceFailed(e.getMessage());
      return end(run, name, null, e.getMessage(), BAD_INPUT);
    }
    // the overlap's threads end before the source closes (resources close in reverse order)
    try (source;
        Overlap overlap = new Overlap(run, source, firstFrameTiming::processed)) {
      name = source.info().description();
      overlap.run(() -> stopping);
      return end(run, name, source, "", OK);
    } catch (IOException e) {
      if (!stopping) {
        pipeline.sourceFailed(e.getMessage());
      }
      return end(run, name, source, e.getMessage(), BAD_INPUT);
    } catch (PipelineException e) {
      componentsFailed = run.frames() == 0;
      return end(run, name, source, e.getMessage(), BAD_INPUT);
    } catch (RecordException e) {
      return end(run, name, source, e.getMessage(), RECORD_FAILED);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return end(run, name, source, "interrupted", BAD_INPUT);
    } catch (RuntimeException e) {
      pipeline.error("pipeline failed: " + e);
      return end(run, name, source, e.toString(), BAD_INPUT);
    }
  }

  /**
   * Ends the run. A run that was stopped (the program stopping, or the source replaced) did not
   * read its source to the end, so the listeners are not told it ended: a record left by it stays
   * interrupted. A listener that cannot write the end fails the run.
   */
  private Ended end(PipelineRun run, String name, FrameSource source, String error, int failure) {
    long skipped = source == null ? 0 : source.skipped();
    long unreadable = source == null ? 0 : source.unreadable();
    if (stopping) {
      return new Ended(run.summary(name, skipped, unreadable, error.isEmpty() ? "stopped" : error), failure);
    }
    try {
      return new Ended(run.finish(name, skipped, unreadable, error), error.isEmpty() ? OK : failure);
    } catch (RecordException e) {
      return new Ended(run.summary(name, skipped, unreadable, e.getMessage()), RECORD_FAILED);
    }
  }
}

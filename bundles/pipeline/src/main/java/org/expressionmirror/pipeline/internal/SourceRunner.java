package org.expressionmirror.pipeline.internal;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.expressionmirror.api.Frame;
import org.expressionmirror.api.FrameSource;
import org.expressionmirror.api.FrameSourceFactory;
import org.expressionmirror.api.MirrorView;
import org.expressionmirror.api.ResultListener;
import org.expressionmirror.api.RunSummary;
import org.expressionmirror.api.SourceSpec;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Runs the pipeline over the configured source on one thread of its own. A new {@code
 * mirror.source} configuration re-creates this component, which closes the old source and opens
 * the new one. When the source ends, the summary is printed and, for batch runs, the program is
 * asked to exit (0, or 2 after an error).
 */
@Component(
    configurationPid = "mirror.source",
    configurationPolicy = ConfigurationPolicy.REQUIRE,
    immediate = true)
@Designate(ocd = SourceConfig.class)
public final class SourceRunner {
  private static final long STOP_WAIT_MS = 5000;

  private final SourceConfig config;
  private final PipelineComponent pipeline;
  private final FrameSourceFactory sources;
  private final Thread thread;
  private volatile boolean stopping;

  private final IntConsumer exit;

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
          IntConsumer exit) {
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

  private void run() {
    RunSummary summary = process();
    if (stopping) {
      return;
    }
    if (summary.failed()) {
      System.err.println("error: " + summary.error());
    }
    if (summary.frames() > 0 || !summary.failed()) {
      System.out.print(SummaryText.of(summary));
      System.out.flush();
    }
    if (config.exitAtEnd() && exit != null) {
      exit.accept(summary.failed() ? 2 : 0);
    }
  }

  private RunSummary process() {
    String name = config.source();
    if (!pipeline.configError().isEmpty()) {
      return pipeline.newRun().finish(name, 0, pipeline.configError());
    }
    PipelineRun run = pipeline.newRun();
    FrameSource source;
    try {
      source = sources.open(new SourceSpec(config.source(), config.realtime()));
    } catch (IOException | IllegalArgumentException e) {
      pipeline.sourceFailed(e.getMessage());
      return run.finish(name, 0, e.getMessage());
    }
    try (source) {
      name = source.info().description();
      while (!stopping) {
        Optional<Frame> frame = source.next();
        if (frame.isEmpty()) {
          break;
        }
        run.process(frame.get(), source.lastDecodeMs());
      }
      return run.finish(name, source.skipped(), "");
    } catch (IOException e) {
      pipeline.sourceFailed(e.getMessage());
      return run.finish(name, source.skipped(), e.getMessage());
    } catch (PipelineException e) {
      return run.finish(name, source.skipped(), e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return run.finish(name, source.skipped(), "interrupted");
    } catch (RuntimeException e) {
      pipeline.error("pipeline failed: " + e);
      return run.finish(name, source.skipped(), e.toString());
    }
  }
}

package org.expressionmirror.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.expressionmirror.api.FrameResult;
import org.expressionmirror.api.RunSummary;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The two example components of docs/extending.md, hot-deployed and removed while frames flow
 * over a folder of frames (a file source: nothing may be dropped): the LBP detector and the
 * median smoother start out absent, are installed from their jars, selected, and uninstalled
 * again; the pipeline takes them between two frames and falls back when they go. Every frame
 * comes out exactly once and in order, in one run.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HotDeployIT {
  private static final String LBP = "org.expressionmirror.example.face.lbp";
  private static final String MEDIAN = "org.expressionmirror.example.smoothing.median";
  private static final int FRAMES = 150;
  /** A slow listener keeps the stream going for several seconds, so the swaps land mid-stream. */
  private static final long PAUSE_MS = 40;
  private static final long STEP_TIMEOUT_MS = 15_000;
  private static final long RUN_TIMEOUT_MS = 120_000;

  @Configuration
  public Option[] config() {
    return MirrorOptions.headless("HotDeployIT");
  }

  @Test
  public void theExampleDetectorAndSmootherComeAndGoWhileFramesFlowWithoutLosingAFrame() throws Exception {
    try (Mirror mirror = new Mirror(this)) {
      BundleContext context = mirror.context();
      // as in a distribution without them: the feature installed them, the test takes them out
      uninstall(context, LBP);
      uninstall(context, MEDIAN);
      mirror.configure(Mirror.PIPELINE, Map.of("detector", "haar", "smoother", "ema"));
      mirror.awaitPipeline(Map.of("detector", "haar", "smoother", "ema"), 10_000);
      Path frames = Media.panFolder(FRAMES);
      long pipelineId = mirror.pipelineServiceId();
      Recorder recorder = mirror.listen(PAUSE_MS);
      mirror.play(frames);
      assertTrue("frames flow", recorder.awaitCount(8, RUN_TIMEOUT_MS));

      // deploy: install and start the jars, then select them by id
      List<Bundle> deployed = new ArrayList<>();
      for (String bsn : List.of(LBP, MEDIAN)) {
        Bundle b = context.installBundle(Paths.dist().resolve("bundles").resolve(bsn + ".jar").toUri().toString());
        b.start();
        deployed.add(b);
      }
      int sent = recorder.count();
      mirror.configure(Mirror.PIPELINE, Map.of("detector", "lbp", "smoother", "median"));
      Optional<FrameResult> taken =
          recorder.await(
              r -> r.frame() >= sent && r.detector().startsWith("lbp@") && r.smoother().startsWith("median@1.0.0"),
              STEP_TIMEOUT_MS);
      assertTrue("lbp and median in a record after frame " + sent + "; last: " + last(recorder), taken.isPresent());
      assertTrue("frames still flow with them", recorder.awaitCount((int) taken.get().frame() + 4, STEP_TIMEOUT_MS));

      // remove: the pipeline falls back, the run goes on
      int removedAt = recorder.count();
      for (Bundle b : deployed) {
        b.uninstall();
      }
      Optional<FrameResult> fallback =
          recorder.await(
              r -> r.frame() >= removedAt && !r.detector().startsWith("lbp@") && !r.smoother().startsWith("median@"),
              STEP_TIMEOUT_MS);
      assertTrue("a fallback after the jars are gone; last: " + last(recorder), fallback.isPresent());
      RunSummary summary = recorder.awaitEnd(RUN_TIMEOUT_MS);

      List<FrameResult> results = recorder.results();
      assertEquals("run error", "", summary.error());
      assertEquals("frames in the summary", FRAMES, summary.frames());
      assertEquals("records", FRAMES, results.size());
      for (int i = 0; i < FRAMES; i++) {
        assertEquals("record " + i + " is frame " + i, i, results.get(i).frame());
      }
      assertEquals("one run, one end", 1, recorder.ends().size());
      assertEquals("the pipeline component was not re-created", pipelineId, mirror.pipelineServiceId());
      // once gone, never named again
      for (FrameResult r : results.subList((int) fallback.get().frame(), FRAMES)) {
        assertFalse("frame " + r.frame() + " names " + r.detector(), r.detector().startsWith("lbp@"));
        assertFalse("frame " + r.frame() + " names " + r.smoother(), r.smoother().startsWith("median@"));
      }
      // the examples made the frames between the swaps: the first one and at least the three after it
      long byExamples =
          results.stream().filter(r -> r.detector().startsWith("lbp@") && r.smoother().startsWith("median@")).count();
      assertTrue("frames made by lbp and median: " + byExamples, byExamples >= 4);
    }
  }

  private static void uninstall(BundleContext context, String bsn) throws Exception {
    for (Bundle b : context.getBundles()) {
      if (bsn.equals(b.getSymbolicName())) {
        b.uninstall();
      }
    }
  }

  private static String last(Recorder recorder) {
    List<FrameResult> r = recorder.results();
    return r.isEmpty() ? "none" : r.get(r.size() - 1).toString();
  }
}

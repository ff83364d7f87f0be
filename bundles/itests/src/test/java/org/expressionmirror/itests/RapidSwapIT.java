package org.expressionmirror.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.expressionmirror.api.FaceResult;
import org.expressionmirror.api.FrameResult;
import org.expressionmirror.api.ResultListener;
import org.expressionmirror.api.RunSummary;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceRegistration;

/**
 * Swaps every 50 ms while frames flow through the concurrent stages (decode, detect and read on
 * three threads): the detector, the model, the smoother and the region passes, each in turn,
 * through Config Admin. Every frame comes out exactly once and in order, each record names
 * components that exist, the swaps land mid-stream, and what a record names made it: a record
 * naming the {@code none} smoother has its smoothed numbers equal to the model's.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RapidSwapIT {
  private static final int FRAMES = 150;
  /** A slow listener keeps the stream going for some seconds: dozens of swaps land in it. */
  private static final long PAUSE_MS = 20;
  private static final long SWAP_EVERY_MS = 50;
  private static final String START_MODEL = "minixception-fer2013";
  private static final long RUN_TIMEOUT_MS = 120_000;

  @Configuration
  public Option[] config() {
    return MirrorOptions.headless("RapidSwapIT");
  }

  @Test
  public void swapsEvery50MsWhileFramesFlowAndEveryFrameComesOnceInOrderNamingWhatMadeIt() throws Exception {
    try (Mirror mirror = new Mirror(this)) {
      Path frames = Media.panFolder(FRAMES);
      Map<String, Object> start = new HashMap<>();
      start.put("detector", "haar");
      start.put("model", START_MODEL);
      start.put("smoother", "ema");
      start.put("fullPassEvery", 1);
      start.put("model.target", null);
      mirror.configure(Mirror.PIPELINE, start);
      mirror.awaitPipeline(Map.of("detector", "haar", "model", START_MODEL, "smoother", "ema"), 10_000);
      mirror.model(START_MODEL);
      String model2 =
          Paths.shippedModels().stream().filter(id -> !id.equals(START_MODEL)).findFirst().orElse(START_MODEL);
      mirror.model(model2);
      List<Map<String, Object>> swaps =
          List.of(
              Map.of("detector", "blazeface"),
              Map.of("smoother", "none"),
              Map.of("model", model2),
              Map.of("fullPassEvery", 5),
              Map.of("detector", "haar"),
              Map.of("smoother", "window"),
              Map.of("model", START_MODEL),
              Map.of("fullPassEvery", 1),
              Map.of("smoother", "ema"));

      Set<String> readThreads = ConcurrentHashMap.newKeySet();
      ServiceRegistration<ResultListener> threads =
          mirror.context().registerService(
              ResultListener.class,
              new ResultListener() {
                @Override
                public void onResult(FrameResult result) {
                  readThreads.add(Thread.currentThread().getName());
                }

                @Override
                public void onEnd(RunSummary summary) {}
              },
              null);
      try {
        Recorder recorder = mirror.listen(PAUSE_MS);
        mirror.play(frames);
        assertTrue("frames flow", recorder.awaitCount(4, RUN_TIMEOUT_MS));
        int sent = 0;
        while (recorder.ends().isEmpty() && recorder.count() < FRAMES) {
          mirror.configure(Mirror.PIPELINE, swaps.get(sent++ % swaps.size()));
          Thread.sleep(SWAP_EVERY_MS);
        }
        RunSummary summary = recorder.awaitEnd(RUN_TIMEOUT_MS);
        List<FrameResult> results = recorder.results();
        check(results, summary, model2);
        assertEquals("one run, one end", 1, recorder.ends().size());
        assertTrue("at least 20 swaps sent while frames flowed: " + sent, sent >= 20);
        assertEquals("the results are published by the read stage", Set.of("mirror-read"), readThreads);
        System.out.printf("RapidSwapIT: %d swaps sent over %d frames, %d changes seen in the records%n",
            sent, FRAMES, changes(results));
      } finally {
        threads.unregister();
      }
    }
  }

  private static void check(List<FrameResult> results, RunSummary summary, String model2) {
    assertEquals("run error", "", summary.error());
    assertEquals("frames in the summary", FRAMES, summary.frames());
    assertEquals("records", FRAMES, results.size());
    Set<String> models = Set.of(START_MODEL, model2);
    for (int i = 0; i < FRAMES; i++) {
      FrameResult r = results.get(i);
      assertEquals("record " + i + " is frame " + i, i, r.frame());
      assertTrue("frame " + i + " detector " + r.detector(), Set.of("haar", "blazeface").contains(id(r.detector())));
      assertTrue("frame " + i + " model " + r.model(), models.contains(id(r.model())));
      assertTrue("frame " + i + " smoother " + r.smoother(), Set.of("ema", "window", "none").contains(id(r.smoother())));
      for (FaceResult f : r.faces()) {
        assertTrue("frame " + i + " pass " + f.pass(), Set.of("full", "region").contains(f.pass()));
        if (f.read() && id(r.smoother()).equals("none")) {
          assertEquals("frame " + i + " names the none smoother: smoothed = scores", f.scores(), f.smoothed());
        }
      }
    }
    assertTrue("the swaps show in the records: " + changes(results) + " changes", changes(results) >= 5);
  }

  /** How often the named components change from one record to the next. */
  private static int changes(List<FrameResult> results) {
    int n = 0;
    for (int i = 1; i < results.size(); i++) {
      FrameResult a = results.get(i - 1);
      FrameResult b = results.get(i);
      if (!(a.detector() + a.model() + a.smoother()).equals(b.detector() + b.model() + b.smoother())) {
        n++;
      }
    }
    return n;
  }

  private static String id(String label) {
    return label.substring(0, label.indexOf('@'));
  }
}

package org.expressionmirror.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.expressionmirror.api.FaceResult;
import org.expressionmirror.api.FrameResult;
import org.expressionmirror.api.RunSummary;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * (b) Live swap while frames flow, over a folder of frames (a file source: nothing may be
 * dropped): through Config Admin, and by editing the file FileInstall watches. Every frame comes
 * out exactly once and in order, each record names the components that made it, and the pipeline
 * keeps running: one run, one end, the same pipeline service.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SwapIT {
  private static final int FRAMES = 80;
  /** A slow listener keeps the stream going for a few seconds, so swaps land mid-stream. */
  private static final long PAUSE_MS = 40;
  private static final String START_MODEL = "minixception-fer2013";
  private static final long SWAP_TIMEOUT_MS = 10_000;
  private static final long RUN_TIMEOUT_MS = 90_000;

  /** Which detector, model and smoother a record must name (id prefixes of {@code id@version}). */
  private record Phase(String detector, String model, String smoother) {
    boolean matches(FrameResult r) {
      return r.detector().startsWith(detector + "@")
          && r.model().startsWith(model + "@")
          && r.smoother().startsWith(smoother + "@");
    }
  }

  @Configuration
  public Option[] config() {
    return MirrorOptions.headless("SwapIT");
  }

  @Test
  public void swapsDetectorModelAndSmootherThroughConfigAdminWithoutLosingAFrame() throws Exception {
    try (Mirror mirror = new Mirror(this)) {
      Path frames = Media.panFolder(FRAMES);
      Map<String, Object> start = new HashMap<>();
      start.put("detector", "haar");
      start.put("model", START_MODEL);
      start.put("smoother", "ema");
      start.put("model.target", null);
      mirror.configure(Mirror.PIPELINE, start);
      mirror.awaitPipeline(Map.of("detector", "haar", "model", START_MODEL, "smoother", "ema"), 10_000);
      mirror.model(START_MODEL);
      // swap to another model when the distribution has one, else narrow by a raw target filter
      Optional<String> other =
          Paths.shippedModels().stream().filter(id -> !id.equals(START_MODEL)).findFirst();
      if (other.isPresent()) {
        mirror.model(other.get()); // registered once loaded, checked and warmed up
      }
      String model2 = other.orElse(START_MODEL);
      List<Phase> phases = new ArrayList<>();
      List<Map<String, Object>> swaps = new ArrayList<>();
      phases.add(new Phase("haar", START_MODEL, "ema"));
      if (other.isPresent()) {
        swaps.add(Map.of("detector", "blazeface"));
        phases.add(new Phase("blazeface", START_MODEL, "ema"));
        swaps.add(Map.of("model", model2));
        phases.add(new Phase("blazeface", model2, "ema"));
      } else {
        // one model only: select it through a raw DS-style target filter with the detector swap
        swaps.add(Map.of("detector", "blazeface", "model.target", "(model.id=" + START_MODEL + ")"));
        phases.add(new Phase("blazeface", START_MODEL, "ema"));
      }
      swaps.add(Map.of("smoother", "window"));
      phases.add(new Phase("blazeface", model2, "window"));
      swaps.add(Map.of("smoother", "none"));
      phases.add(new Phase("blazeface", model2, "none"));

      long pipelineId = mirror.pipelineServiceId();
      Recorder recorder = mirror.listen(PAUSE_MS);
      mirror.play(frames);
      assertTrue("frames flow", recorder.awaitCount(8, RUN_TIMEOUT_MS));
      for (int i = 0; i < swaps.size(); i++) {
        Phase next = phases.get(i + 1);
        int sent = recorder.count();
        mirror.configure(Mirror.PIPELINE, swaps.get(i));
        Optional<FrameResult> first =
            recorder.await(r -> r.frame() >= sent && next.matches(r), SWAP_TIMEOUT_MS);
        assertTrue(
            "swap " + swaps.get(i) + " sent after frame " + sent + " shows in a later record; last: "
                + last(recorder),
            first.isPresent());
        // a few frames in each phase before the next swap
        assertTrue(
            "frames still flow after " + swaps.get(i),
            recorder.awaitCount((int) first.get().frame() + 4, SWAP_TIMEOUT_MS));
      }
      RunSummary summary = recorder.awaitEnd(RUN_TIMEOUT_MS);

      List<FrameResult> results = recorder.results();
      checkEveryFrameOnceInOrder(results, summary);
      assertEquals("one run, one end", 1, recorder.ends().size());
      assertEquals("the pipeline component was not re-created", pipelineId, mirror.pipelineServiceId());
      List<List<FrameResult>> byPhase = checkPhases(results, phases);
      for (int p = 1; p < phases.size(); p++) {
        long read = byPhase.get(p).stream().filter(r -> r.faces().stream().anyMatch(FaceResult::read)).count();
        assertTrue(
            phases.get(p) + ": the face is found and read in most frames (" + read + " of " + byPhase.get(p).size() + ")",
            read * 2 >= byPhase.get(p).size());
      }
      // the "none" smoother hands the reading through unchanged
      for (FrameResult r : byPhase.get(phases.size() - 1)) {
        for (FaceResult f : r.faces()) {
          if (f.read()) {
            assertEquals("frame " + r.frame() + " smoothed by none", f.scores(), f.smoothed());
          }
        }
      }
    }
  }

  @Test
  public void swapsTheDetectorWhenTheWatchedConfigFileIsEdited() throws Exception {
    Path cfg = Paths.work().resolve("SwapIT").resolve("runtime-config").resolve("mirror.pipeline.cfg");
    assertTrue("FileInstall watches " + cfg, Files.isRegularFile(cfg));
    try (Mirror mirror = new Mirror(this)) {
      Path frames = Media.panFolder(FRAMES);
      write(cfg, "haar");
      mirror.awaitPipeline(Map.of("detector", "haar", "model", START_MODEL, "smoother", "ema"), 10_000);
      long pipelineId = mirror.pipelineServiceId();
      Recorder recorder = mirror.listen(PAUSE_MS);
      mirror.play(frames);
      assertTrue("frames flow", recorder.awaitCount(8, RUN_TIMEOUT_MS));

      int before = recorder.count();
      long edited = System.nanoTime();
      write(cfg, "blazeface");
      Optional<FrameResult> switched = Optional.empty();
      while (switched.isEmpty() && System.nanoTime() - edited < 5_000_000_000L) {
        Thread.sleep(250);
        switched = recorder.results().stream().filter(r -> r.detector().startsWith("blazeface@")).findFirst();
      }
      double seconds = (System.nanoTime() - edited) / 1e9;
      assertTrue("blazeface in the records within 5 s of the edit; last: " + last(recorder), switched.isPresent());
      assertTrue("the switch comes after the edit", switched.get().frame() >= before);
      RunSummary summary = recorder.awaitEnd(RUN_TIMEOUT_MS);

      List<FrameResult> results = recorder.results();
      checkEveryFrameOnceInOrder(results, summary);
      assertEquals("one run, one end", 1, recorder.ends().size());
      assertEquals("the pipeline component was not re-created", pipelineId, mirror.pipelineServiceId());
      checkPhases(
          results,
          List.of(new Phase("haar", START_MODEL, "ema"), new Phase("blazeface", START_MODEL, "ema")));
      System.out.printf("FileInstall edit seen in the records after %.2f s%n", seconds);
    } finally {
      write(cfg, "haar");
    }
  }

  /** Rewrites the watched file in one step (FileInstall never sees half a file). */
  private static void write(Path cfg, String detector) throws Exception {
    String text =
        "# written by SwapIT\ndetector=" + detector + "\nmodel=" + START_MODEL + "\nsmoother=ema\n";
    Path tmp = cfg.resolveSibling("mirror.pipeline.tmp");
    Files.writeString(tmp, text, StandardCharsets.UTF_8);
    Files.move(tmp, cfg, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void checkEveryFrameOnceInOrder(List<FrameResult> results, RunSummary summary) {
    assertEquals("run error", "", summary.error());
    assertEquals("frames in the summary", FRAMES, summary.frames());
    assertEquals("records", FRAMES, results.size());
    for (int i = 0; i < FRAMES; i++) {
      assertEquals("record " + i + " is frame " + i, i, results.get(i).frame());
    }
  }

  /**
   * Every record belongs to a phase, the phases follow each other in order and none is empty:
   * after a swap no record names the old component.
   */
  private static List<List<FrameResult>> checkPhases(List<FrameResult> results, List<Phase> phases) {
    List<List<FrameResult>> byPhase = new ArrayList<>();
    phases.forEach(p -> byPhase.add(new ArrayList<>()));
    int p = 0;
    for (FrameResult r : results) {
      if (!phases.get(p).matches(r)) {
        if (p + 1 < phases.size() && phases.get(p + 1).matches(r)) {
          p++;
        } else {
          fail("frame " + r.frame() + " names " + r.detector() + " / " + r.model() + " / " + r.smoother()
              + ", expected " + phases.get(p) + (p + 1 < phases.size() ? " or " + phases.get(p + 1) : ""));
        }
      }
      byPhase.get(p).add(r);
    }
    assertEquals("all phases reached, last one: " + phases.get(p), phases.size() - 1, p);
    return byPhase;
  }

  private static String last(Recorder recorder) {
    List<FrameResult> r = recorder.results();
    return r.isEmpty() ? "none" : r.get(r.size() - 1).toString();
  }
}

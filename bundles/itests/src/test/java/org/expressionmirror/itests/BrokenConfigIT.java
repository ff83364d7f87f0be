package org.expressionmirror.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.expressionmirror.api.Distribution;
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
 * (c) Broken configurations written while frames flow are rejected with an error naming the key
 * and value, and the previous configuration keeps working: the run gives, frame for frame, the
 * same records as an undisturbed run over the same frames (same components, same boxes, same
 * readings and smoothing), so no rejected value took effect even partly.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BrokenConfigIT {
  private static final int FRAMES = 64;
  private static final long PAUSE_MS = 40;
  private static final long LOG_TIMEOUT_MS = 10_000;
  private static final long RUN_TIMEOUT_MS = 90_000;
  private static final String MODEL = "minixception-fer2013";

  /** One broken write: the configuration, the changed keys and what the error must say. */
  private record Breakage(String pid, Map<String, Object> changes, List<String> logged) {}

  @Configuration
  public Option[] config() {
    return MirrorOptions.headless("BrokenConfigIT");
  }

  @Test
  public void rejectsBrokenConfigurationsAndKeepsThePreviousOneWorking() throws Exception {
    try (Mirror mirror = new Mirror(this)) {
      Path frames = Media.panFolder(FRAMES);
      goodConfiguration(mirror);
      Recorder reference = mirror.listen(0);
      mirror.play(frames);
      RunSummary referenceSummary = reference.awaitEnd(RUN_TIMEOUT_MS);
      mirror.unlisten(reference);
      assertEquals("reference run error", "", referenceSummary.error());
      assertEquals("reference frames", FRAMES, reference.results().size());
      assertTrue(
          "the reference run finds the face",
          reference.results().stream().anyMatch(r -> r.faces().stream().anyMatch(FaceResult::read)));

      LogRecorder log = mirror.log();
      Recorder broken = mirror.listen(PAUSE_MS);
      mirror.play(frames);
      assertTrue("frames flow", broken.awaitCount(4, RUN_TIMEOUT_MS));
      int lastSeenAt = 0;
      for (Breakage b : breakages()) {
        mirror.configure(b.pid(), b.changes());
        Optional<String> line = log.await(LOG_TIMEOUT_MS, b.logged().toArray(String[]::new));
        assertTrue(
            b.pid() + " " + b.changes() + ": an error naming " + b.logged() + " is logged; log: " + log.lines(),
            line.isPresent());
        lastSeenAt = broken.count();
      }
      assertTrue(
          "the breakages landed while frames flowed (last one seen at frame " + lastSeenAt + " of " + FRAMES + ")",
          lastSeenAt < FRAMES);
      RunSummary summary = broken.awaitEnd(RUN_TIMEOUT_MS);
      assertEquals("run error", "", summary.error());
      assertEquals("one run, one end", 1, broken.ends().size());
      sameRecords(reference.results(), broken.results());
    } finally {
      try (Mirror mirror = new Mirror(this)) {
        goodConfiguration(mirror);
      }
    }
  }

  /**
   * Each broken value comes with a valid change in the same write where one is possible (smoother
   * none, minNeighbors 0): a configuration is taken whole or not at all, so that change must not
   * show either.
   */
  private static List<Breakage> breakages() {
    Map<String, Object> badFilter = new HashMap<>();
    badFilter.put("trackTimeoutSeconds", "2.5");
    badFilter.put("detector.target", "(detector.version=4.9");
    badFilter.put("smoother", "none");
    Map<String, Object> unknownDetector = new HashMap<>();
    unknownDetector.put("detector.target", null);
    unknownDetector.put("smoother", "ema");
    unknownDetector.put("detector", "no-such-detector");
    return List.of(
        new Breakage(
            Mirror.PIPELINE,
            Map.of("trackTimeoutSeconds", "abc", "smoother", "none"),
            List.of("mirror.pipeline", "trackTimeoutSeconds", "abc")),
        new Breakage(
            Mirror.PIPELINE, badFilter, List.of("mirror.pipeline", "detector.target", "(detector.version=4.9")),
        new Breakage(Mirror.PIPELINE, unknownDetector, List.of("detector", "no-such-detector")),
        new Breakage(
            Mirror.HAAR,
            Map.of("scaleFactor", 0.5, "minNeighbors", 0),
            List.of("mirror.detector.haar", "scaleFactor", "0.5")),
        new Breakage(
            Mirror.EMA, Map.of("halfLifeSeconds", -1.0), List.of("mirror.smoother.ema", "halfLifeSeconds", "-1")));
  }

  private static void goodConfiguration(Mirror mirror) throws Exception {
    Map<String, Object> pipeline = new HashMap<>();
    pipeline.put("detector", "haar");
    pipeline.put("model", MODEL);
    pipeline.put("smoother", "ema");
    pipeline.put("trackTimeoutSeconds", "2.5");
    pipeline.put("detector.target", null);
    mirror.configure(Mirror.PIPELINE, pipeline);
    mirror.configure(Mirror.HAAR, Map.of("scaleFactor", 1.3, "minNeighbors", 5));
    mirror.configure(Mirror.EMA, Map.of("halfLifeSeconds", 0.5));
    mirror.awaitPipeline(
        Map.of("detector", "haar", "model", MODEL, "smoother", "ema", "trackTimeoutSeconds", "2.5"), 10_000);
    mirror.awaitComponent(
        "org.expressionmirror.face.haar.internal.HaarFaceDetector",
        Map.of("scaleFactor", "1.3", "minNeighbors", "5"),
        10_000);
    mirror.awaitComponent(
        "org.expressionmirror.smoothing.internal.EmaSmoother", Map.of("halfLifeSeconds", "0.5"), 10_000);
  }

  private static void sameRecords(List<FrameResult> expected, List<FrameResult> actual) {
    assertEquals("records", expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      FrameResult e = expected.get(i);
      FrameResult a = actual.get(i);
      String at = "frame " + i + ": ";
      assertEquals(at + "index", e.frame(), a.frame());
      assertEquals(at + "detector", e.detector(), a.detector());
      assertEquals(at + "model", e.model(), a.model());
      assertEquals(at + "smoother", e.smoother(), a.smoother());
      assertEquals(at + "faces", e.faces().size(), a.faces().size());
      for (int f = 0; f < e.faces().size(); f++) {
        FaceResult ef = e.faces().get(f);
        FaceResult af = a.faces().get(f);
        assertEquals(at + "box", ef.box(), af.box());
        assertEquals(at + "track", ef.track(), af.track());
        close(at + "scores", ef.scores(), af.scores());
        close(at + "smoothed", ef.smoothed(), af.smoothed());
      }
    }
  }

  private static void close(String what, Distribution e, Distribution a) {
    if (e == null) {
      assertEquals(what, null, a);
      return;
    }
    assertNotNull(what, a);
    assertEquals(what + " labels", e.labels(), a.labels());
    List<String> off = new ArrayList<>();
    for (String label : e.labels()) {
      if (Math.abs(e.get(label) - a.get(label)) > 1e-6) {
        off.add(label + " " + e.get(label) + " vs " + a.get(label));
      }
    }
    assertTrue(what + " differ: " + off, off.isEmpty());
  }
}

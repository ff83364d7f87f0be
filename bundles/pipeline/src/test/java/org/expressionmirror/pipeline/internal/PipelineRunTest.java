package org.expressionmirror.pipeline.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.expressionmirror.api.Box;
import org.expressionmirror.api.Distribution;
import org.expressionmirror.api.ExpressionModel;
import org.expressionmirror.api.Expressions;
import org.expressionmirror.api.Face;
import org.expressionmirror.api.FaceDetector;
import org.expressionmirror.api.Frame;
import org.expressionmirror.api.FrameResult;
import org.expressionmirror.api.ModelInfo;
import org.expressionmirror.api.ResultListener;
import org.expressionmirror.api.Smoother;
import org.junit.jupiter.api.Test;

/**
 * The engine's selection and swap rules, driven with small deterministic components: the real
 * detectors and models are exercised in the OSGi integration tests.
 */
class PipelineRunTest {
  private final RecordingLogger log = new RecordingLogger();
  private final PipelineComponent pipeline =
      new PipelineComponent(config(Map.of()), Map.of(), log.logger);
  private final List<FrameResult> seen = new ArrayList<>();

  PipelineRunTest() {
    pipeline.addListener((ResultListener) seen::add);
    pipeline.addModel(new FixedModel(), Map.of(ExpressionModel.ID, "faceapi-expression", ExpressionModel.VERSION, "1"));
    pipeline.addSmoother(new Identity(), Map.of(Smoother.ID, "ema", Smoother.VERSION, "1"));
  }

  @Test
  void aSwapTakesEffectBetweenFramesAndNoFrameIsLost() throws Exception {
    pipeline.addDetector(new OneFace(10), props("haar"));
    pipeline.addDetector(new OneFace(20), props("blazeface"));
    PipelineRun run = pipeline.newRun();
    for (int i = 0; i < 10; i++) {
      if (i == 5) {
        pipeline.modified(config(Map.of("detector", "blazeface")), Map.of());
      }
      run.process(frame(i), 0);
    }
    assertEquals(10, seen.size());
    for (int i = 0; i < 10; i++) {
      FrameResult r = seen.get(i);
      assertEquals(i, r.frame());
      assertEquals(i < 5 ? "haar@1.0" : "blazeface@1.0", r.detector());
      assertEquals(i < 5 ? 10 : 20, r.faces().get(0).box().x());
      assertEquals("faceapi-expression@1", r.model());
    }
  }

  @Test
  void anUnknownIdAtStartIsAnErrorNamingItAndWhatIsOnOffer() {
    pipeline.addDetector(new OneFace(10), props("haar"));
    pipeline.modified(config(Map.of("detector", "nope", "startupTimeoutSeconds", 0.2)), Map.of());
    PipelineException e =
        assertThrows(PipelineException.class, () -> pipeline.newRun().process(frame(0), 0));
    assertEquals("unknown detector id 'nope' (available: haar)", e.getMessage());
    assertTrue(seen.isEmpty());
  }

  @Test
  void anUnknownIdDuringARunKeepsTheCurrentComponent() throws Exception {
    pipeline.addDetector(new OneFace(10), props("haar"));
    PipelineRun run = pipeline.newRun();
    run.process(frame(0), 0);
    pipeline.modified(config(Map.of("detector", "nope")), Map.of());
    run.process(frame(1), 0);
    run.process(frame(2), 0);
    assertEquals("haar@1.0", seen.get(1).detector());
    assertEquals(
        List.of("ERROR unknown detector id 'nope' (available: haar); keeping 'haar@1.0'"),
        log.lines.stream().filter(l -> l.startsWith("ERROR")).toList());
  }

  @Test
  void aRejectedConfigurationKeepsThePreviousOne() throws Exception {
    pipeline.addDetector(new OneFace(10), props("haar"));
    pipeline.addDetector(new OneFace(20), props("blazeface"));
    pipeline.modified(config(Map.of("detector", "blazeface")), Map.of());
    pipeline.modified(config(Map.of("detector", "haar")), Map.of("trackMinIou", "lots"));
    pipeline.newRun().process(frame(0), 0);
    assertEquals("blazeface@1.0", seen.get(0).detector());
    assertTrue(
        log.lines.contains(
            "ERROR mirror.pipeline: trackMinIou = 'lots' is not a number; must be between 0 and 1; keeping the previous configuration"),
        log.lines.toString());
  }

  @Test
  void aDetectorThatLeavesDuringAFrameHasTheFrameRunAgainByItsSuccessor() throws Exception {
    pipeline.addDetector(new OneFace(20), props("haar"));
    FaceDetector[] leaving = {null};
    leaving[0] =
        f -> {
          // what a bundle stopped mid-frame looks like: unregistered, then its session fails
          pipeline.removeDetector(leaving[0]);
          throw new IllegalStateException("session closed");
        };
    pipeline.addDetector(leaving[0], props("blazeface"));
    pipeline.modified(config(Map.of("detector", "blazeface")), Map.of());
    FrameResult r = pipeline.newRun().process(frame(0), 0);
    assertEquals("haar@1.0", r.detector());
    assertEquals(1, seen.size());
  }

  @Test
  void onlyMyFaceReadsTheLargestFaceOnly() throws Exception {
    FaceDetector two =
        f -> List.of(new Face(new Box(0, 0, 50, 50), 1), new Face(new Box(200, 0, 120, 120), 1));
    pipeline.addDetector(two, props("haar"));
    pipeline.modified(config(Map.of("onlyMyFace", true)), Map.of());
    FrameResult r = pipeline.newRun().process(frame(0), 0);
    assertEquals(2, r.faces().size());
    assertTrue(!r.faces().get(0).read());
    assertTrue(r.faces().get(1).read());
  }

  @Test
  void aViewThatOpensAfterTheLastFrameStillShowsIt() throws Exception {
    pipeline.addDetector(new OneFace(10), props("haar"));
    pipeline.newRun().process(frame(0), 0);
    List<Long> shown = new ArrayList<>();
    pipeline.addView((f, r) -> shown.add(r.frame()));
    assertEquals(List.of(0L), shown);
    pipeline.newRun().process(frame(1), 0);
    assertEquals(List.of(0L, 1L), shown);
  }

  private static Map<String, Object> props(String id) {
    return Map.of(FaceDetector.ID, id, FaceDetector.VERSION, "1.0");
  }

  private static Frame frame(int i) {
    return new Frame(i, i * 33.3, 4, 4, new byte[4 * 4 * 3]);
  }

  static PipelineConfig config(Map<String, Object> values) {
    Map<String, Object> v = new HashMap<>(values);
    // these tests' stand-in detectors carry the id haar; the shipped default is blazeface-back
    v.putIfAbsent("detector", "haar");
    return (PipelineConfig)
        Proxy.newProxyInstance(
            PipelineRunTest.class.getClassLoader(),
            new Class<?>[] {PipelineConfig.class},
            (p, m, a) -> v.getOrDefault(m.getName(), m.getDefaultValue()));
  }

  private record OneFace(int x) implements FaceDetector {
    @Override
    public List<Face> detect(Frame frame) {
      return List.of(new Face(new Box(x, 0, 2, 2), 1));
    }
  }

  private static final class FixedModel implements ExpressionModel {
    @Override
    public ModelInfo info() {
      return new ModelInfo("faceapi-expression", "1", List.of(Expressions.HAPPINESS, Expressions.NEUTRAL), "test", "MIT", "none");
    }

    @Override
    public Distribution classify(Frame frame, Box box) {
      return new Distribution(Map.of(Expressions.HAPPINESS, 0.75, Expressions.NEUTRAL, 0.25));
    }
  }

  private static final class Identity implements Smoother {
    @Override
    public Track newTrack() {
      return (t, d) -> d;
    }
  }
}

package org.expressionmirror.pipeline.internal;

import static org.expressionmirror.pipeline.internal.PipelineRunTest.config;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.expressionmirror.api.Box;
import org.expressionmirror.api.Comparison;
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
 * Compare mode's selection and switching rules with small deterministic components; the real
 * models and detectors are compared in the launcher's CompareModeIT.
 */
class CompareModeTest {
  private final RecordingLogger log = new RecordingLogger();
  private final PipelineComponent pipeline =
      new PipelineComponent(config(Map.of()), Map.of(), log.logger);
  private final List<FrameResult> seen = new ArrayList<>();

  CompareModeTest() {
    pipeline.addListener((ResultListener) seen::add);
    pipeline.addDetector(faces(10, 200), Map.of(FaceDetector.ID, "haar", FaceDetector.VERSION, "1"));
    pipeline.addDetector(faces(12), Map.of(FaceDetector.ID, "blazeface", FaceDetector.VERSION, "2"));
    pipeline.addModel(
        new Fixed(Expressions.HAPPINESS), Map.of(ExpressionModel.ID, "faceapi-expression", ExpressionModel.VERSION, "1"));
    pipeline.addModel(
        new Fixed(Expressions.SADNESS), Map.of(ExpressionModel.ID, "minixception-fer2013", ExpressionModel.VERSION, "3"));
    pipeline.addSmoother(
        () -> (t, d) -> d, Map.of(Smoother.ID, "ema", Smoother.VERSION, "1"));
  }

  @Test
  void aSecondModelReadsTheSameFacesBesideTheFirst() throws Exception {
    pipeline.modified(config(Map.of("compare_model", "minixception-fer2013")), Map.of());
    FrameResult r = pipeline.newRun().process(frame(0), 0);
    Comparison c = r.compare();
    assertEquals("haar@1", c.detector());
    assertEquals("minixception-fer2013@3", c.model());
    assertEquals(2, c.faces().size());
    for (int i = 0; i < 2; i++) {
      assertEquals(r.faces().get(i).box(), c.faces().get(i).box());
      assertEquals(r.faces().get(i).track(), c.faces().get(i).track());
      assertEquals(0.8, r.faces().get(i).scores().get(Expressions.HAPPINESS));
      assertEquals(0.8, c.faces().get(i).scores().get(Expressions.SADNESS));
      assertEquals(0.8, c.faces().get(i).smoothed().get(Expressions.SADNESS));
    }
    assertEquals(2, c.pairs(r.faces()).size());
    assertEquals(0, c.agreeing(r.faces()));
  }

  @Test
  void aSecondDetectorsFacesAreReadByTheModelAndPairedByOverlap() throws Exception {
    pipeline.modified(config(Map.of("compare_detector", "blazeface")), Map.of());
    FrameResult r = pipeline.newRun().process(frame(0), 0);
    Comparison c = r.compare();
    assertEquals("blazeface@2", c.detector());
    assertEquals("faceapi-expression@1", c.model());
    assertEquals(List.of(new Box(12, 0, 100, 100)), c.faces().stream().map(f -> f.box()).toList());
    assertEquals(1, c.pairs(r.faces()).size());
    assertEquals(1, c.agreeing(r.faces()));
  }

  @Test
  void switchingCompareOnAndOffMidRunLosesNoFrame() throws Exception {
    PipelineRun run = pipeline.newRun();
    for (int i = 0; i < 12; i++) {
      if (i == 4) {
        pipeline.modified(
            config(Map.of("compare_model", "minixception-fer2013", "compare_detector", "blazeface")), Map.of());
      } else if (i == 8) {
        pipeline.modified(config(Map.of()), Map.of());
      }
      run.process(frame(i), 0);
    }
    assertEquals(12, seen.size());
    for (int i = 0; i < 12; i++) {
      FrameResult r = seen.get(i);
      assertEquals(i, r.frame());
      assertEquals(2, r.faces().size());
      if (i >= 4 && i < 8) {
        assertEquals("blazeface@2", r.compare().detector());
        assertEquals("minixception-fer2013@3", r.compare().model());
      } else {
        assertNull(r.compare(), "frame " + i);
      }
    }
  }

  @Test
  void anUnknownCompareIdAtStartIsAnErrorNamingKeyAndId() {
    pipeline.modified(
        config(Map.of("compare_model", "nope", "startupTimeoutSeconds", 0.2)), Map.of());
    PipelineException e =
        assertThrows(PipelineException.class, () -> pipeline.newRun().process(frame(0), 0));
    assertEquals(
        "mirror.pipeline: compare.model = 'nope' is not a model id on offer (available: faceapi-expression, minixception-fer2013)",
        e.getMessage());
    assertTrue(seen.isEmpty());
  }

  @Test
  void anUnknownCompareIdDuringARunKeepsThePreviousComparison() throws Exception {
    PipelineRun run = pipeline.newRun();
    run.process(frame(0), 0);
    pipeline.modified(config(Map.of("compare_detector", "nope")), Map.of());
    run.process(frame(1), 0);
    pipeline.modified(config(Map.of("compare_detector", "blazeface")), Map.of());
    run.process(frame(2), 0);
    pipeline.modified(config(Map.of("compare_detector", "nope2")), Map.of());
    run.process(frame(3), 0);
    run.process(frame(4), 0);
    assertNull(seen.get(1).compare());
    assertEquals("blazeface@2", seen.get(2).compare().detector());
    assertNotNull(seen.get(4).compare());
    assertEquals("blazeface@2", seen.get(4).compare().detector());
    assertEquals(
        List.of(
            "ERROR mirror.pipeline: compare.detector = 'nope' is not a detector id on offer (available: blazeface, haar); no compare.detector",
            "ERROR mirror.pipeline: compare.detector = 'nope2' is not a detector id on offer (available: blazeface, haar); keeping 'blazeface@2'"),
        log.lines.stream().filter(l -> l.startsWith("ERROR")).toList());
  }

  @Test
  void aMessageNamesTheConfigurationsFile() throws Exception {
    java.nio.file.Path file = java.nio.file.Path.of("/tmp/cfg/mirror.pipeline.cfg");
    pipeline.modified(
        config(Map.of("compare_model", "nope", "startupTimeoutSeconds", 0.2)),
        Map.of(StartupCheck.FILE, file.toUri().toString()));
    PipelineException e =
        assertThrows(PipelineException.class, () -> pipeline.newRun().process(frame(0), 0));
    assertTrue(e.getMessage().startsWith(file + ": compare.model = 'nope' is not a model id"), e.getMessage());
  }

  @Test
  void onlyMyFaceHoldsForTheSecondReadingToo() throws Exception {
    pipeline.modified(
        config(Map.of("compare_model", "minixception-fer2013", "onlyMyFace", true)), Map.of());
    FrameResult r = pipeline.newRun().process(frame(0), 0);
    assertEquals(
        r.faces().stream().map(f -> f.read()).toList(),
        r.compare().faces().stream().map(f -> f.read()).toList());
  }

  @Test
  void aCompareIdWithSpacesIsRejectedNamingTheKey() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Settings.from(config(Map.of("compare_model", " ensemble")), Map.of()));
    assertEquals(
        "mirror.pipeline: compare.model = ' ensemble' must be a component id, or empty for none",
        e.getMessage());
    assertTrue(!Settings.defaults().comparing());
  }

  private static FaceDetector faces(int... xs) {
    return f -> {
      List<Face> list = new ArrayList<>();
      for (int i = 0; i < xs.length; i++) {
        // the second face is the larger one, for "only my face"
        list.add(new Face(new Box(xs[i], 0, 100 + 20 * i, 100 + 20 * i), 1));
      }
      return list;
    };
  }

  private static Frame frame(int i) {
    return new Frame(i, i * 33.3, 4, 4, new byte[4 * 4 * 3]);
  }

  /** A model that always reads one label at 0.8 and neutral at 0.2. */
  private record Fixed(String label) implements ExpressionModel {
    @Override
    public ModelInfo info() {
      return new ModelInfo("fixed", "1", List.of(label, Expressions.NEUTRAL), "test", "MIT", "none");
    }

    @Override
    public Distribution classify(Frame frame, Box box) {
      return new Distribution(Map.of(label, 0.8, Expressions.NEUTRAL, 0.2));
    }
  }
}

package org.expressionmirror.pipeline.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.expressionmirror.api.Distribution;
import org.expressionmirror.api.ExpressionModel;
import org.expressionmirror.api.Expressions;
import org.expressionmirror.api.Face;
import org.expressionmirror.api.FaceDetector;
import org.expressionmirror.api.Frame;
import org.expressionmirror.api.ModelInfo;
import org.expressionmirror.api.Smoother;
import org.expressionmirror.api.StartupComplete;
import org.junit.jupiter.api.Test;

/**
 * Once every component the program starts with has registered, a configured id that is missing
 * is an error at once instead of after the start-up timeout; and a configuration rejected at
 * start is reported by the run alone, naming its file.
 */
class StartupCompleteTest {
  private final RecordingLogger log = new RecordingLogger();

  private PipelineComponent pipeline(Map<String, Object> config, Map<String, Object> raw) {
    PipelineComponent p = new PipelineComponent(PipelineRunTest.config(config), raw, log.logger);
    p.addDetector((FaceDetector) f -> java.util.List.of(new Face(new org.expressionmirror.api.Box(1, 1, 4, 4), 1)),
        Map.of(FaceDetector.ID, "haar", FaceDetector.VERSION, "1"));
    p.addModel(new ExpressionModel() {
      @Override
      public Distribution classify(Frame frame, org.expressionmirror.api.Box face) {
        return new Distribution(Map.of(Expressions.NEUTRAL, 1.0));
      }

      @Override
      public ModelInfo info() {
        return null;
      }
    }, Map.of(ExpressionModel.ID, "faceapi-expression"));
    p.addSmoother((Smoother) () -> (t, d) -> d, Map.of(Smoother.ID, "ema"));
    return p;
  }

  @Test
  void aMissingIdIsAnErrorAsSoonAsStartUpIsComplete() {
    // an hour's timeout: only the start-up signal can end the wait within the guard below
    PipelineComponent p = pipeline(Map.of("detector", "nope", "startupTimeoutSeconds", 3600.0), Map.of());
    p.startupCompleted(new StartupComplete() {});
    PipelineException e =
        assertTimeoutPreemptively(
            Duration.ofSeconds(60),
            () -> assertThrows(PipelineException.class, () -> p.newRun().process(frame(), 0)));
    assertEquals("unknown detector id 'nope' (available: haar)", e.getMessage());
  }

  @Test
  void beforeStartUpIsCompleteAMissingIdIsWaitedFor() throws Exception {
    PipelineComponent p = pipeline(Map.of("detector", "late", "startupTimeoutSeconds", 3600.0), Map.of());
    Thread late =
        new Thread(
            () -> {
              try {
                Thread.sleep(200);
              } catch (InterruptedException e) {
                return;
              }
              p.addDetector(f -> java.util.List.of(), Map.of(FaceDetector.ID, "late", FaceDetector.VERSION, "2"));
            });
    late.start();
    assertEquals("late@2", p.newRun().process(frame(), 0).detector());
    late.join();
  }

  @Test
  void aRejectedConfigurationAtStartNamesItsFileAndIsNotLoggedBesides() {
    PipelineComponent p =
        pipeline(
            Map.of(),
            Map.of("trackMinIou", "lots", StartupCheck.FILE, "file:/cfg/mirror.pipeline.cfg"));
    assertEquals(
        "/cfg/mirror.pipeline.cfg: trackMinIou = 'lots' is not a number; must be between 0 and 1",
        p.configError());
    assertTrue(log.lines.isEmpty(), log.lines.toString());
  }

  private static Frame frame() {
    return new Frame(0, 0, 8, 8, new byte[8 * 8 * 3]);
  }
}

package org.expressionmirror.pipeline.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.expressionmirror.api.Box;
import org.expressionmirror.api.Distribution;
import org.expressionmirror.api.ExpressionModel;
import org.expressionmirror.api.Expressions;
import org.expressionmirror.api.FaceDetector;
import org.expressionmirror.api.Frame;
import org.expressionmirror.api.FrameResult;
import org.expressionmirror.api.ModelInfo;
import org.expressionmirror.api.ResultListener;
import org.expressionmirror.api.RunSummary;
import org.expressionmirror.api.Smoother;
import org.junit.jupiter.api.Test;

/**
 * A listener that cannot write (a record on a full disk throws {@link UncheckedIOException}) stops
 * the run with its own message; any other listener failure is logged and the run goes on.
 */
class RecordFailureTest {
  private final RecordingLogger log = new RecordingLogger();
  private final PipelineComponent pipeline =
      new PipelineComponent(PipelineRunTest.config(Map.of()), Map.of(), log.logger);
  private final List<FrameResult> seen = new ArrayList<>();

  RecordFailureTest() {
    pipeline.addDetector((FaceDetector) frame -> List.of(), Map.of(FaceDetector.ID, "haar", FaceDetector.VERSION, "1"));
    pipeline.addModel(new NoModel(), Map.of(ExpressionModel.ID, "faceapi-expression", ExpressionModel.VERSION, "1"));
    pipeline.addSmoother((Smoother) () -> (t, d) -> d, Map.of(Smoother.ID, "ema", Smoother.VERSION, "1"));
  }

  @Test
  void aListenerThatCannotWriteStopsTheRunWithItsMessageAfterTheOthersHadTheFrame() throws Exception {
    pipeline.addListener(new Full(1));
    pipeline.addListener((ResultListener) seen::add);
    PipelineRun run = pipeline.newRun();
    run.process(frame(0), 0);
    RecordException e = assertThrows(RecordException.class, () -> run.process(frame(1), 0));
    assertEquals("cannot write x.jsonl.partial: No space left on device", e.getMessage());
    assertEquals(2, seen.size(), "the other listeners still get the frame");
    assertEquals(1, run.summary("clip", 0, 0, e.getMessage()).frames(), "the frame that was not recorded is not counted");
  }

  @Test
  void aListenerThatCannotWriteTheEndFailsTheRun() {
    pipeline.addListener(new Full(Integer.MAX_VALUE));
    RecordException e = assertThrows(RecordException.class, () -> pipeline.newRun().finish("clip", 0, 0, ""));
    assertEquals("cannot write x.jsonl.partial: No space left on device", e.getMessage());
  }

  @Test
  void anyOtherListenerFailureIsLoggedAndTheRunGoesOn() throws Exception {
    pipeline.addListener(
        (ResultListener)
            r -> {
              throw new IllegalStateException("broken listener");
            });
    PipelineRun run = pipeline.newRun();
    run.process(frame(0), 0);
    run.process(frame(1), 0);
    assertEquals(2, run.finish("clip", 0, 0, "").frames());
    assertEquals(
        2, log.lines.stream().filter(m -> m.startsWith("ERROR") && m.contains("broken listener")).count(), log.lines.toString());
  }

  private static Frame frame(int i) {
    return new Frame(i, i * 33.3, 4, 4, new byte[4 * 4 * 3]);
  }

  /** Takes {@code room} frames, then fails as a record on a full disk does. */
  private static final class Full implements ResultListener {
    private int room;

    Full(int room) {
      this.room = room;
    }

    @Override
    public void onResult(FrameResult result) {
      if (room-- <= 0) {
        throw full();
      }
    }

    @Override
    public void onEnd(RunSummary summary) {
      throw full();
    }

    private static UncheckedIOException full() {
      return new UncheckedIOException(
          "cannot write x.jsonl.partial: No space left on device", new IOException("No space left on device"));
    }
  }

  private static final class NoModel implements ExpressionModel {
    @Override
    public ModelInfo info() {
      return new ModelInfo("faceapi-expression", "1", List.of(Expressions.NEUTRAL), "test", "MIT", "none");
    }

    @Override
    public Distribution classify(Frame frame, Box box) {
      return new Distribution(Map.of(Expressions.NEUTRAL, 1.0));
    }
  }
}

package org.expressionmirror.pipeline.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.expressionmirror.api.Frame;
import org.expressionmirror.api.FrameResult;
import org.expressionmirror.api.MirrorView;
import org.expressionmirror.api.StageTimes;
import org.junit.jupiter.api.Test;

/**
 * A window registers after the source has started: a camera that cannot open has failed by then,
 * and the window must still be told why (else it waits for frames forever).
 */
class LateViewTest {
  private final PipelineComponent pipeline =
      new PipelineComponent(PipelineRunTest.config(Map.of()), Map.of(), new RecordingLogger().logger);

  /** What a view was told, in order. */
  private static final class Told implements MirrorView {
    final List<String> events = new ArrayList<>();

    @Override
    public void show(Frame frame, FrameResult result) {
      events.add("frame " + frame.index());
    }

    @Override
    public void sourceFailed(String message) {
      events.add("failed: " + message);
    }
  }

  @Test
  void aViewThatComesAfterTheFailureIsToldOfIt() {
    pipeline.sourceFailed("camera:0 cannot be opened");
    Told late = new Told();
    pipeline.addView(late);
    assertEquals(List.of("failed: camera:0 cannot be opened"), late.events);
  }

  @Test
  void framesFlowingAgainEndTheFailure() throws RecordException {
    pipeline.sourceFailed("camera:0 cannot be opened");
    pipeline.publish(new Frame(3, 100, 2, 2, new byte[12]), result(3));
    Told late = new Told();
    pipeline.addView(late);
    assertEquals(List.of("frame 3"), late.events);
  }

  private static FrameResult result(long frame) {
    return new FrameResult(frame, 100, "haar@1", "m@1", "ema@1", List.of(), new StageTimes(0, 0, 0, 0));
  }
}

package org.expressionmirror.pipeline.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.expressionmirror.api.Box;
import org.expressionmirror.api.Distribution;
import org.expressionmirror.api.ExpressionModel;
import org.expressionmirror.api.Expressions;
import org.expressionmirror.api.Face;
import org.expressionmirror.api.FaceDetector;
import org.expressionmirror.api.Frame;
import org.expressionmirror.api.FrameResult;
import org.expressionmirror.api.MirrorView;
import org.expressionmirror.api.ModelInfo;
import org.expressionmirror.api.ModelInput;
import org.expressionmirror.api.ResultListener;
import org.expressionmirror.api.Smoother;
import org.junit.jupiter.api.Test;

/**
 * The path of "what the model sees": the models' inputs are gathered only while a view asks for
 * them, go to that view only (never to a result listener such as the record), and a view that
 * asks after a photo was read gets the newest frame again with them.
 */
class ModelInputPathTest {
  private final PipelineComponent pipeline =
      new PipelineComponent(PipelineRunTest.config(Map.of()), Map.of(), new RecordingLogger().logger);
  private final Model model = new Model();
  private final List<FrameResult> listened = new ArrayList<>();

  ModelInputPathTest() {
    pipeline.addListener((ResultListener) listened::add);
    pipeline.addDetector(frame -> List.of(new Face(new Box(1, 1, 2, 2), 1), new Face(new Box(5, 1, 2, 2), 1)),
        Map.of(FaceDetector.ID, "haar", FaceDetector.VERSION, "1"));
    pipeline.addModel(model, Map.of(ExpressionModel.ID, "faceapi-expression", ExpressionModel.VERSION, "1"));
    pipeline.addSmoother(() -> (t, d) -> d, Map.of(Smoother.ID, "ema", Smoother.VERSION, "1"));
  }

  @Test
  void withoutAViewAskingTheModelIsCalledAsBeforeAndNoInputIsMade() throws Exception {
    View plain = new View();
    pipeline.addView(plain);
    pipeline.newRun().process(frame(0), 0);
    assertEquals(2, model.plain);
    assertEquals(0, model.withInputs);
    assertEquals(List.of("frame 0"), plain.events);
  }

  @Test
  void aViewThatAsksGetsEachFacesInputByTrackAndTheOtherViewDoesNot() throws Exception {
    View asking = new View();
    View plain = new View();
    pipeline.bindView(asking, Map.of(MirrorView.MODEL_INPUT, true));
    pipeline.bindView(plain, Map.of());
    pipeline.newRun().process(frame(0), 0);
    assertEquals(0, model.plain);
    assertEquals(2, model.withInputs);
    assertEquals(List.of("frame 0"), plain.events);
    assertEquals(1, asking.events.size());
    // track ids 1 and 2, each with the face's own first pixel as the model's "input"
    assertEquals("frame 0 inputs {1=[16], 2=[20]}", asking.events.get(0));
    assertEquals(1, listened.size());
  }

  @Test
  void askingAfterThePhotoWasReadShowsItAgainWithTheInputsAndStoppingStopsThem() throws Exception {
    View view = new View();
    pipeline.bindView(view, Map.of());
    pipeline.newRun().process(frame(0), 0);
    pipeline.updatedView(view, Map.of(MirrorView.MODEL_INPUT, "true"));
    assertEquals(List.of("frame 0", "frame 0 inputs {1=[16], 2=[20]}"), view.events);
    pipeline.updatedView(view, Map.of(MirrorView.MODEL_INPUT, false));
    assertTrue(!pipeline.inputsWanted());
    model.withInputs = 0;
    pipeline.newRun().process(frame(1), 0);
    assertEquals(0, model.withInputs);
    assertEquals("frame 1", view.events.get(2));
  }

  /** A 8x4 frame whose blue bytes count up, so each face's first pixel is known. */
  private static Frame frame(int index) {
    byte[] bgr = new byte[8 * 4 * 3];
    for (int i = 0; i < 8 * 4; i++) {
      bgr[i * 3] = (byte) (i + 7);
    }
    return new Frame(index, index * 40.0, 8, 4, bgr);
  }

  private static final class View implements MirrorView {
    final List<String> events = new ArrayList<>();

    @Override
    public void show(Frame frame, FrameResult result) {
      events.add("frame " + frame.index());
    }

    @Override
    public void show(Frame frame, FrameResult result, Map<Integer, List<ModelInput>> inputs) {
      StringBuilder s = new StringBuilder("frame " + frame.index() + " inputs {");
      inputs.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> s.append(e.getKey()).append("=")
          .append(e.getValue().stream().map(i -> String.valueOf(i.pixels()[0])).toList()).append(", "));
      events.add(s.substring(0, s.length() - 2) + "}");
    }
  }

  /** Hands the face's top-left blue value as a 1x1 grey input and counts both kinds of call. */
  private static final class Model implements ExpressionModel {
    int plain;
    int withInputs;

    @Override
    public ModelInfo info() {
      return new ModelInfo("faceapi-expression", "1", List.of(Expressions.HAPPINESS), "test", "MIT", "none");
    }

    @Override
    public Distribution classify(Frame frame, Box box) {
      plain++;
      return new Distribution(Map.of(Expressions.HAPPINESS, 1.0));
    }

    @Override
    public Distribution classify(Frame frame, Box box, Consumer<ModelInput> inputs) {
      withInputs++;
      byte first = frame.bgr()[(box.y() * frame.width() + box.x()) * 3];
      inputs.accept(new ModelInput("faceapi-expression", 1, 1, ModelInput.GREY, new byte[] {first}, "1x1 grey"));
      return new Distribution(Map.of(Expressions.HAPPINESS, 1.0));
    }
  }
}

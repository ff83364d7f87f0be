package org.expressionmirror.pipeline.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.expressionmirror.api.Box;
import org.expressionmirror.api.Distribution;
import org.expressionmirror.api.ExpressionModel;
import org.expressionmirror.api.Expressions;
import org.expressionmirror.api.Face;
import org.expressionmirror.api.FaceDetector;
import org.expressionmirror.api.FaceResult;
import org.expressionmirror.api.Frame;
import org.expressionmirror.api.FrameResult;
import org.expressionmirror.api.ModelInfo;
import org.expressionmirror.api.ResultListener;
import org.junit.jupiter.api.Test;

/**
 * A still image is read with the components the pipeline's configuration selects at that moment,
 * with small deterministic components (the real ones run in HttpEndpointIT).
 */
class StillImagesTest {
  private final RecordingLogger log = new RecordingLogger();
  private final PipelineComponent pipeline =
      new PipelineComponent(PipelineRunTest.config(Map.of()), Map.of(), log.logger);
  private final StillImages reader = new StillImages(pipeline);
  private final List<FrameResult> published = new ArrayList<>();

  StillImagesTest() {
    pipeline.addListener((ResultListener) published::add);
  }

  @Test
  void everyFaceIsReadByTheSelectedDetectorAndModelAndNothingIsPublished() {
    pipeline.addDetector(new Faces(0), Map.of(FaceDetector.ID, "haar", FaceDetector.VERSION, "1.0"));
    pipeline.addDetector(new Faces(7), Map.of(FaceDetector.ID, "blazeface", FaceDetector.VERSION, "2.0"));
    pipeline.addModel(new Fixed("faceapi-expression", 0.75), model("faceapi-expression"));
    pipeline.addModel(new Fixed("minixception-fer2013", 0.25), model("minixception-fer2013"));

    FrameResult first = reader.read(image());
    assertEquals("haar@1.0", first.detector());
    assertEquals("faceapi-expression@1", first.model());
    assertEquals("", first.smoother());
    assertEquals(2, first.faces().size());
    assertEquals(1, first.faces().get(0).track());
    assertEquals(2, first.faces().get(1).track());
    assertEquals(0.75, first.faces().get(1).scores().get(Expressions.HAPPINESS), 1e-9);
    assertNull(first.faces().get(0).smoothed());

    // the configuration changes while the program runs: the next image uses the new selection
    pipeline.modified(
        PipelineRunTest.config(Map.of("detector", "blazeface", "model", "minixception-fer2013")), Map.of());
    FrameResult second = reader.read(image());
    assertEquals("blazeface@2.0", second.detector());
    assertEquals("minixception-fer2013@1", second.model());
    assertEquals(7, second.faces().get(0).box().x());
    assertEquals(0.25, second.faces().get(0).scores().get(Expressions.HAPPINESS), 1e-9);
    assertTrue(published.isEmpty(), "a still image is not part of a run: " + published);
  }

  @Test
  void aFaceSaysWhichLinkOfAChainFoundItAndCarriesTheConfiguredThreshold() {
    pipeline.addDetector(
        frame -> List.of(new Face(new Box(0, 0, 4, 4), 1, List.of(), "blazeface")),
        Map.of(FaceDetector.ID, "chain", FaceDetector.VERSION, "1.0"));
    pipeline.addModel(new Fixed("faceapi-expression", 0.75), model("faceapi-expression"));
    pipeline.modified(PipelineRunTest.config(Map.of("detector", "chain", "labelThreshold", 0.3)), Map.of());

    FaceResult face = reader.read(image()).faces().get(0);
    assertEquals("blazeface", face.foundBy());
    assertEquals(0.3, face.labelThreshold(), 1e-9);
  }

  @Test
  void withoutAModelTheErrorNamesTheWantedIdAndWhatIsOnOffer() {
    pipeline.addDetector(new Faces(0), Map.of(FaceDetector.ID, "haar", FaceDetector.VERSION, "1.0"));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> reader.read(image()));
    assertEquals("unknown model id 'faceapi-expression' (available: )", e.getMessage());
  }

  private static Map<String, Object> model(String id) {
    return Map.of(ExpressionModel.ID, id, ExpressionModel.VERSION, "1");
  }

  private static Frame image() {
    return new Frame(0, 0, 20, 10, new byte[20 * 10 * 3], "photo.jpg");
  }

  /** Two faces side by side, starting at {@code x}. */
  private record Faces(int x) implements FaceDetector {
    @Override
    public List<Face> detect(Frame frame) {
      return List.of(new Face(new Box(x, 0, 4, 4), 1), new Face(new Box(x + 5, 0, 4, 4), 1));
    }
  }

  private record Fixed(String id, double happiness) implements ExpressionModel {
    @Override
    public ModelInfo info() {
      return new ModelInfo(id, "1", List.of(Expressions.HAPPINESS, Expressions.NEUTRAL), "test", "MIT", "none");
    }

    @Override
    public Distribution classify(Frame frame, Box box) {
      return new Distribution(Map.of(Expressions.HAPPINESS, happiness, Expressions.NEUTRAL, 1 - happiness));
    }
  }
}

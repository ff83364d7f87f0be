package org.expressionmirror.pipeline.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import org.expressionmirror.api.Smoother;
import org.junit.jupiter.api.Test;

/**
 * A detector that names a cheaper partner for its region passes ({@code detector.region}, as
 * BlazeFace back 256 names the front 128 model): the partner looks at the regions, the detector
 * at the whole frames, and every result says which found its faces.
 */
class RegionPartnerTest {
  private static final int SIDE = 96;
  private final RecordingLogger log = new RecordingLogger();
  private final List<FrameResult> seen = new ArrayList<>();
  private final PipelineComponent pipeline =
      new PipelineComponent(PipelineRunTest.config(Map.of("detector", "big", "fullPassEvery", 3)), Map.of(), log.logger);
  private final Square big = new Square();
  private final Square small = new Square();

  RegionPartnerTest() {
    pipeline.addListener((ResultListener) seen::add);
    pipeline.addModel(
        new ExpressionModel() {
          @Override
          public ModelInfo info() {
            return new ModelInfo("m", "1", List.of(Expressions.HAPPINESS, Expressions.NEUTRAL), "test", "MIT", "none");
          }

          @Override
          public Distribution classify(Frame frame, Box box) {
            return new Distribution(Map.of(Expressions.HAPPINESS, 0.75, Expressions.NEUTRAL, 0.25));
          }
        },
        Map.of(ExpressionModel.ID, "faceapi-expression", ExpressionModel.VERSION, "1"));
    pipeline.addSmoother((Smoother) () -> (t, d) -> d, Map.of(Smoother.ID, "ema", Smoother.VERSION, "1"));
    pipeline.addDetector(big, Map.of(FaceDetector.ID, "big", FaceDetector.VERSION, "1.0", RegionPass.PARTNER, "small"));
  }

  @Test
  void thePartnerDoesTheRegionPassesAndItsFacesSaySo() throws Exception {
    pipeline.addDetector(small, Map.of(FaceDetector.ID, "small", FaceDetector.VERSION, "1.0"));
    process(6);
    assertEquals(List.of("full", "region", "region", "full", "region", "region"), passes());
    assertEquals(List.of("", "small", "small", "", "small", "small"), foundBy());
    seen.forEach(r -> assertEquals("big@1.0", r.detector()));
    seen.forEach(r -> assertEquals(new Box(40, 30, 16, 16), r.faces().get(0).box()));
    assertEquals(List.of(SIDE + "x" + SIDE, SIDE + "x" + SIDE), big.seen);
    assertEquals(List.of("64x64", "64x64", "64x64", "64x64"), small.seen);
  }

  @Test
  void withoutItsPartnerTheDetectorDoesItsRegionPassesItself() throws Exception {
    process(3);
    assertEquals(List.of("full", "region", "region"), passes());
    assertEquals(List.of("", "", ""), foundBy());
    assertEquals(List.of(SIDE + "x" + SIDE, "64x64", "64x64"), big.seen);
  }

  @Test
  void wholeFramePassesOnlyNeverAskThePartner() throws Exception {
    pipeline.addDetector(small, Map.of(FaceDetector.ID, "small", FaceDetector.VERSION, "1.0"));
    pipeline.modified(PipelineRunTest.config(Map.of("detector", "big", "fullPassEvery", 1)), Map.of());
    process(3);
    assertEquals(List.of("full", "full", "full"), passes());
    assertEquals(List.of(), small.seen);
  }

  private void process(int frames) throws Exception {
    PipelineRun run = pipeline.newRun();
    for (int i = 0; i < frames; i++) {
      run.process(frame(i), 0);
    }
  }

  private List<String> passes() {
    return seen.stream().map(r -> r.faces().get(0).pass()).toList();
  }

  private List<String> foundBy() {
    return seen.stream().map(r -> r.faces().get(0).foundBy()).toList();
  }

  /** A frame with a bright 16-pixel square at (40, 30). */
  private static Frame frame(int i) {
    byte[] bgr = new byte[SIDE * SIDE * 3];
    for (int y = 30; y < 46; y++) {
      for (int x = 40; x < 56; x++) {
        bgr[(y * SIDE + x) * 3] = (byte) 255;
      }
    }
    return new Frame(i, i * 33.3, SIDE, SIDE, bgr);
  }

  /** Finds the bright pixels' box and remembers the size of every image it was given. */
  private static final class Square implements FaceDetector {
    final List<String> seen = new ArrayList<>();

    @Override
    public synchronized List<Face> detect(Frame f) {
      seen.add(f.width() + "x" + f.height());
      int x0 = f.width(), y0 = f.height(), x1 = -1, y1 = -1;
      for (int y = 0; y < f.height(); y++) {
        for (int x = 0; x < f.width(); x++) {
          if ((f.bgr()[(y * f.width() + x) * 3] & 0xff) > 128) {
            x0 = Math.min(x0, x);
            y0 = Math.min(y0, y);
            x1 = Math.max(x1, x);
            y1 = Math.max(y1, y);
          }
        }
      }
      return x1 < 0 ? List.of() : List.of(new Face(new Box(x0, y0, x1 - x0 + 1, y1 - y0 + 1), 1));
    }
  }
}

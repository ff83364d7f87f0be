package org.expressionmirror.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.expressionmirror.api.Box;
import org.expressionmirror.api.Distribution;
import org.expressionmirror.api.ExpressionModel;
import org.expressionmirror.api.Expressions;
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
 * (a) A real photo through the real program: the Haar detector finds the three faces of the
 * face-api demo photo sample3.jpg, and every model the distribution ships reads each of them.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PhotoIT {
  /** The three frontal faces of sample3.jpg as the Haar cascade (scale 1.3, 5 neighbours) finds them. */
  private static final List<Box> FACES =
      List.of(new Box(570, 375, 220, 215), new Box(1040, 250, 260, 260), new Box(1500, 340, 220, 220));

  private static final long RUN_TIMEOUT_MS = 60_000;

  @Configuration
  public Option[] config() {
    return MirrorOptions.headless("PhotoIT");
  }

  @Test
  public void everyShippedModelReadsTheFacesOfARealPhoto() throws Exception {
    List<String> shipped = Paths.shippedModels();
    assertTrue("minixception-fer2013 is shipped: " + shipped, shipped.contains("minixception-fer2013"));
    try (Mirror mirror = new Mirror(this)) {
      for (String model : shipped) {
        readPhoto(mirror, model);
      }
    }
  }

  private void readPhoto(Mirror mirror, String modelId) throws Exception {
    mirror.configure(
        Mirror.PIPELINE, Map.of("detector", "haar", "model", modelId, "smoother", "ema"));
    mirror.awaitPipeline(Map.of("detector", "haar", "model", modelId, "smoother", "ema"), 10_000);
    ExpressionModel model = mirror.model(modelId);
    List<String> labels = model.info().labels();
    assertTrue(modelId + " labels are canonical: " + labels, Expressions.CANONICAL.containsAll(labels));

    Recorder recorder = mirror.listen(0);
    mirror.play(Media.photo("sample3.jpg"));
    RunSummary summary = recorder.awaitEnd(RUN_TIMEOUT_MS);
    assertEquals("run error", "", summary.error());
    assertEquals("frames in the summary", 1, summary.frames());
    assertEquals("one result for one photo", 1, recorder.results().size());

    FrameResult result = recorder.results().get(0);
    assertEquals(0, result.frame());
    assertTrue("detector provenance " + result.detector(), result.detector().matches("haar@\\d+\\.\\d+.*"));
    assertEquals("model provenance", modelId + "@" + model.info().version(), result.model());
    assertTrue("smoother provenance " + result.smoother(), result.smoother().matches("ema@\\d+.*"));
    assertEquals("faces found " + result.faces(), FACES.size(), result.faces().size());

    List<Distribution> readings = new ArrayList<>();
    for (Box expected : FACES) {
      FaceResult face =
          result.faces().stream()
              .max(Comparator.comparingDouble(f -> f.box().iou(expected)))
              .orElseThrow();
      assertTrue(
          "a face at " + expected + " (IoU >= 0.5), found " + result.faces(),
          face.box().iou(expected) >= 0.5);
      assertTrue("face " + expected + " was read", face.read());
      checkDistribution(modelId, labels, face.scores());
      // first reading of a track: the moving average is the reading itself
      assertNotNull(face.smoothed());
      for (String label : labels) {
        assertEquals(label, face.scores().get(label), face.smoothed().get(label), 1e-9);
      }
      readings.add(face.scores());
    }
    assertFalse(
        modelId + " gives three different faces three different readings: " + readings,
        readings.get(0).equals(readings.get(1)) && readings.get(1).equals(readings.get(2)));
  }

  private static void checkDistribution(String modelId, List<String> labels, Distribution d) {
    assertEquals(modelId + " labels", Set.copyOf(labels), Set.copyOf(d.labels()));
    double sum = 0;
    for (String label : labels) {
      double p = d.get(label);
      assertTrue(label + " = " + p, p >= 0 && p <= 1);
      sum += p;
    }
    assertEquals("sum of " + d, 1.0, sum, 1e-5);
  }
}

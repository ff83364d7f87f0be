package org.expressionmirror.expression.onnx.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.FloatBuffer;
import org.expressionmirror.api.Box;
import org.expressionmirror.api.Frame;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OpenCV preprocessing against the hand-written reference, on real photos. */
class PreprocessorTest {
  private static Frame sample1;
  private static Frame sample5;

  @BeforeAll
  static void load() throws Exception {
    nu.pattern.OpenCV.loadLocally();
    sample1 = Photos.frame("sample1.jpg");
    sample5 = Photos.frame("sample5.jpg");
  }

  @Test
  void hsemotionContractRgbNchwImagenetNormalisation() throws Exception {
    ModelSpec spec = Descriptions.spec(Descriptions.hsemotion("hse"));
    double diff = compare(spec, sample1, new Box(400, 330, 220, 250));
    assertTrue(diff < 1e-4, "max difference " + diff);
  }

  @Test
  void minixceptionContractGreyNhwcWithMarginClippedAtTheFrameEdge() throws Exception {
    ObjectNode d = Descriptions.minixception("mx");
    ((ObjectNode) d.get("input").get("crop")).put("margin", 0.2);
    ModelSpec spec = Descriptions.spec(d);
    // The grown box reaches past the left edge: clipped, not padded.
    double diff = compare(spec, sample5, new Box(10, 840, 230, 300));
    assertTrue(diff < 1e-4, "max difference " + diff);
  }

  @Test
  void ferplusContractRawGreyNchw() throws Exception {
    ModelSpec spec = Descriptions.spec(Descriptions.ferplus("fp"));
    double diff = compare(spec, sample5, new Box(770, 120, 180, 230));
    // Raw 0..255 values: the same float rounding, 255 times larger.
    assertTrue(diff < 1e-2, "max difference " + diff);
  }

  @Test
  void faceApiContractSquarePaddingAndTensorflowLegacyResize() throws Exception {
    ObjectNode d = Descriptions.hsemotion("fa");
    ObjectNode in = (ObjectNode) d.get("input");
    in.putArray("shape").add(1).add(112).add(112).add(3);
    in.put("layout", "NHWC");
    in.put("resize", "bilinear-tf");
    in.putArray("mean").add(122.782 / 255).add(117.001 / 255).add(104.298 / 255);
    in.putArray("std").add(1.0);
    ((ObjectNode) in.get("crop")).put("square", true);
    ModelSpec spec = Descriptions.spec(d);
    Box box = new Box(1410, 390, 201, 280);
    float[] ours = run(spec, sample5, box);
    float[] reference = ReferencePreprocessing.tensor(sample5, box, spec);
    // OpenCV's warpAffine places samples on a 1/32-pixel grid: a small error on edges only.
    double max = 0;
    double sum = 0;
    for (int i = 0; i < ours.length; i++) {
      double diff = Math.abs(ours[i] - reference[i]);
      max = Math.max(max, diff);
      sum += diff;
    }
    assertTrue(max < 8.0 / 255, "max difference " + max);
    assertTrue(sum / ours.length < 0.2 / 255, "mean difference " + sum / ours.length);
    // The padding columns are zeros before normalisation: (0 - mean) / std exactly.
    assertEquals(-122.782f / 255, ours[0], 1e-6);
  }

  private static double compare(ModelSpec spec, Frame frame, Box box) {
    float[] ours = run(spec, frame, box);
    float[] reference = ReferencePreprocessing.tensor(frame, box, spec);
    assertEquals(reference.length, ours.length);
    double max = 0;
    for (int i = 0; i < ours.length; i++) {
      max = Math.max(max, Math.abs(ours[i] - reference[i]));
    }
    return max;
  }

  private static float[] run(ModelSpec spec, Frame frame, Box box) {
    float[] out = new float[spec.width() * spec.height() * spec.channels()];
    new Preprocessor(spec).fill(frame, box, FloatBuffer.wrap(out));
    return out;
  }
}

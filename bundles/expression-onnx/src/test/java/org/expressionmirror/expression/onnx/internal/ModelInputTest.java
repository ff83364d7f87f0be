package org.expressionmirror.expression.onnx.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OrtEnvironment;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.expressionmirror.api.Box;
import org.expressionmirror.api.Distribution;
import org.expressionmirror.api.Frame;
import org.expressionmirror.api.ModelInput;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the window's "show what the model sees" draws, for both shipped models on real photos: the
 * picture handed over is the tensor the model was fed, its normalisation undone, and feeding the
 * picture back in gives the model's reading again.
 */
class ModelInputTest {
  private static final Path SHIPPED = Path.of("target/models-jar/models");
  private static Frame sample5;
  private final ModelLoader loader = new ModelLoader(OrtEnvironment.getEnvironment(), 1, m -> {});

  @BeforeAll
  static void load() throws Exception {
    nu.pattern.OpenCV.loadLocally();
    sample5 = Photos.frame("sample5.jpg");
  }

  @Test
  void miniXceptionShowsItsSixtyFourPixelGreyInputInMinusOneToOne() throws Exception {
    ModelInput seen = check("minixception-fer2013.json", new Box(770, 120, 180, 230));
    assertEquals(64, seen.width());
    assertEquals(64, seen.height());
    assertEquals(ModelInput.GREY, seen.colour());
    assertEquals(64 * 64, seen.pixels().length);
    assertEquals("64x64 grey, [-1,1]", seen.label());
  }

  @Test
  void faceApiShowsItsPaddedSquareRgbInput() throws Exception {
    // a box twice as tall as wide: the model's square input has black bars left and right
    ModelInput seen = check("faceapi-expression.json", new Box(1410, 390, 140, 280));
    assertEquals(112, seen.width());
    assertEquals(ModelInput.RGB, seen.colour());
    assertEquals(112 * 112 * 3, seen.pixels().length);
    assertEquals("112x112 RGB, [-0.48,0.59]", seen.label());
    for (int y = 0; y < 112; y++) {
      for (int c = 0; c < 3; c++) {
        assertEquals(0, seen.pixels()[(y * 112) * 3 + c], "padding at row " + y);
        assertEquals(0, seen.pixels()[(y * 112 + 111) * 3 + c], "padding at row " + y);
      }
    }
  }

  /**
   * The model's input for {@code box}: checked against the preprocessing's tensor value by value,
   * and fed back to the model.
   */
  private ModelInput check(String description, Box box) throws Exception {
    try (OnnxExpressionModel model = loader.load(SHIPPED.resolve(description))) {
      ModelSpec spec = model.spec();
      List<ModelInput> handed = new ArrayList<>();
      Distribution withInput = model.classify(sample5, box, handed::add);
      assertEquals(1, handed.size());
      ModelInput seen = handed.get(0);
      assertEquals(spec.id(), seen.model());
      // asking for the input does not change the reading
      assertEquals(model.classify(sample5, box).probabilities(), withInput.probabilities());

      float[] fed = new float[spec.width() * spec.height() * spec.channels()];
      new Preprocessor(spec).fill(sample5, box, FloatBuffer.wrap(fed));
      float[] back = tensorOf(seen, spec);
      double step = 0;
      for (int c = 0; c < spec.channels(); c++) {
        step = Math.max(step, spec.scale() / spec.std()[c]);
      }
      double max = 0;
      for (int i = 0; i < fed.length; i++) {
        max = Math.max(max, Math.abs(fed[i] - back[i]));
      }
      // 8 bits lose at most half a grey level, nothing else
      assertTrue(max <= step / 2 + 1e-5, "max difference " + max + ", half a level is " + step / 2);
      assertTrue(distinctValues(seen) > 50, "a face has more than " + distinctValues(seen) + " grey levels");

      float[] out = new float[spec.outputSize()];
      model.run(FloatBuffer.wrap(back), spec.shape(), out);
      double[] again = model.probabilities(out);
      for (int i = 0; i < again.length; i++) {
        String label = spec.canonical().get(i);
        assertEquals(withInput.get(label), again[i], 0.02, label);
      }
      assertArrayEquals(seen.pixels(), new InputPicture(spec).of(FloatBuffer.wrap(fed)).pixels());
      return seen;
    }
  }

  /** The picture normalised forward again, as the preprocessing does: (pixel * scale - mean) / std. */
  private static float[] tensorOf(ModelInput seen, ModelSpec spec) {
    int plane = seen.width() * seen.height();
    int channels = seen.channels();
    float[] t = new float[plane * channels];
    for (int i = 0; i < plane; i++) {
      for (int c = 0; c < channels; c++) {
        int pixel = seen.pixels()[i * channels + c] & 0xFF;
        t[spec.nchw() ? c * plane + i : i * channels + c] = (pixel * spec.scale() - spec.mean()[c]) / spec.std()[c];
      }
    }
    return t;
  }

  private static long distinctValues(ModelInput seen) {
    return java.util.stream.IntStream.range(0, seen.pixels().length).map(i -> seen.pixels()[i] & 0xFF).distinct().count();
  }
}

package org.expressionmirror.models.converter.faceapi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.expressionmirror.models.converter.tfjs.WeightTensor;
import org.junit.jupiter.api.Test;

class FaceExpressionNetOnnxTest {

  /** The tensors of face-api's manifest (names and TF shapes), filled with seeded noise. */
  static Map<String, WeightTensor> syntheticWeights() {
    Random random = new Random(7);
    Map<String, WeightTensor> w = new LinkedHashMap<>();
    int[] channels = {32, 64, 128, 256};
    int cin = 3;
    for (int b = 0; b < 4; b++) {
      int cout = channels[b];
      for (int c = 0; c < 4; c++) {
        String p = "dense" + b + "/conv" + c;
        int in = c == 0 ? cin : cout;
        if (b == 0 && c == 0) {
          put(w, random, p + "/filters", 3, 3, in, cout);
        } else {
          put(w, random, p + "/depthwise_filter", 3, 3, in, 1);
          put(w, random, p + "/pointwise_filter", 1, 1, in, cout);
        }
        put(w, random, p + "/bias", cout);
      }
      cin = cout;
    }
    put(w, random, "fc/weights", 256, 7);
    put(w, random, "fc/bias", 7);
    return w;
  }

  private static void put(Map<String, WeightTensor> w, Random r, String name, int... shape) {
    int n = 1;
    for (int d : shape) {
      n *= d;
    }
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) (r.nextGaussian() * 0.2);
    }
    w.put(name, new WeightTensor(name, shape, v, null));
  }

  @Test
  void samePaddingPutsTheOddPixelAfterLikeTensorFlow() {
    assertArrayEquals(new long[] {0, 0, 1, 1}, FaceExpressionNetOnnx.samePads(112, 2));
    assertArrayEquals(new long[] {0, 0, 1, 1}, FaceExpressionNetOnnx.samePads(14, 2));
    assertArrayEquals(new long[] {1, 1, 1, 1}, FaceExpressionNetOnnx.samePads(56, 1));
    assertArrayEquals(new long[] {1, 1, 1, 1}, FaceExpressionNetOnnx.samePads(7, 2));
  }

  @Test
  void filtersMoveFromHwioToOihw() {
    // TF [kh=1, kw=2, in=2, out=3]: value = 100*x + 10*i + o at [0][x][i][o]
    float[] hwio = new float[12];
    for (int x = 0; x < 2; x++) {
      for (int i = 0; i < 2; i++) {
        for (int o = 0; o < 3; o++) {
          hwio[(x * 2 + i) * 3 + o] = 100 * x + 10 * i + o;
        }
      }
    }
    float[] oihw = FaceExpressionNetOnnx.hwioToOihw(hwio, 1, 2, 2, 3);
    // ONNX [out][in][kh][kw]: index ((o * 2 + i) * 1 + 0) * 2 + x
    assertEquals(112f, oihw[((2 * 2 + 1) * 1) * 2 + 1]);
    assertEquals(10f, oihw[((0 * 2 + 1) * 1) * 2 + 0]);
    assertEquals(101f, oihw[((1 * 2 + 0) * 1) * 2 + 1]);
  }

  @Test
  void builtGraphRunsAndGivesADistributionOverSevenLabels() throws OrtException {
    ModelProto model = FaceExpressionNetOnnx.build(syntheticWeights(), "test", "synthetic");
    float[] input = new float[112 * 112 * 3];
    Random r = new Random(1);
    for (int i = 0; i < input.length; i++) {
      input[i] = r.nextFloat() - 0.5f;
    }
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession s = env.createSession(model.toByteArray(), new OrtSession.SessionOptions());
        OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(input),
            new long[] {1, 112, 112, 3});
        OrtSession.Result res = s.run(Map.of(FaceExpressionNetOnnx.INPUT, t))) {
      float[][] p = (float[][]) res.get(FaceExpressionNetOnnx.OUTPUT).get().getValue();
      assertEquals(7, p[0].length);
      double sum = 0;
      for (float v : p[0]) {
        assertTrue(v >= 0 && v <= 1, "probability " + v);
        sum += v;
      }
      assertEquals(1.0, sum, 1e-5);
    }
  }

  @Test
  void missingTensorIsNamed() {
    Map<String, WeightTensor> w = syntheticWeights();
    w.remove("dense2/conv3/pointwise_filter");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> FaceExpressionNetOnnx.build(w, "test", "synthetic"));
    assertTrue(e.getMessage().contains("dense2/conv3/pointwise_filter missing"), e.getMessage());
  }

  @Test
  void wrongShapeIsNamedWithBothShapes() {
    Map<String, WeightTensor> w = syntheticWeights();
    w.put("fc/weights", new WeightTensor("fc/weights", new int[] {7, 256}, new float[7 * 256],
        null));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> FaceExpressionNetOnnx.build(w, "test", "synthetic"));
    assertTrue(e.getMessage().contains("fc/weights has shape [7, 256]"), e.getMessage());
    assertTrue(e.getMessage().contains("needs [256, 7]"), e.getMessage());
  }

  @Test
  void unusedTensorMeansTheNetworkWasReadWrongly() {
    Map<String, WeightTensor> w = syntheticWeights();
    w.put("dense3/conv4/bias", new WeightTensor("dense3/conv4/bias", new int[] {1},
        new float[1], null));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> FaceExpressionNetOnnx.build(w, "test", "synthetic"));
    assertTrue(e.getMessage().contains("dense3/conv4/bias not used"), e.getMessage());
  }
}

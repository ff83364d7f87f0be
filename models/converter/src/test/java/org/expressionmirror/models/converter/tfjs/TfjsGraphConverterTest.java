package org.expressionmirror.models.converter.tfjs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OrtException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tiny TFJS graphs converted and run by ONNX Runtime, compared with outputs worked out by hand or
 * by the plain NHWC loops of {@link TfReference}. Odd sizes and stride 2 make TF's asymmetric SAME
 * padding matter; non-symmetric random filters make any layout mix-up visible.
 */
class TfjsGraphConverterTest {
  private static final float EPS = 1e-5f;

  @TempDir Path dir;
  private final Random random = new Random(42);

  private float[] random(int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) random.nextGaussian();
    }
    return v;
  }

  @Test
  void conv2dSamePadsTheOddPixelAtTheEndLikeTf() throws IOException, OrtException {
    // x = [[1,2],[3,4]], 2x2 filter [[1,10],[100,1000]], SAME, stride 1: TF pads one row and one
    // column after (none before), so out[0][0] sees all four pixels, out[1][1] only x[1][1].
    TinyGraph t = new TinyGraph().placeholder("x", -1, 2, 2, 1)
        .constant("f", new int[] {2, 2, 1, 1}, new float[] {1, 10, 100, 1000});
    ObjectNode a = t.op("y", "Conv2D", "x", "f");
    TinyGraph.string(a, "padding", "SAME");
    TinyGraph.ints(a, "strides", 1, 1, 1, 1);
    float[] y = TinyGraph.convertAndRun(t.write(dir), "x", new long[] {1, 2, 2, 1},
        new float[] {1, 2, 3, 4});
    assertArrayEquals(new float[] {4321, 402, 43, 4}, y, EPS);
  }

  @Test
  void fusedConv2dStride2WithBiasAndReluMatchesTf() throws IOException, OrtException {
    int h = 6, w = 5, c = 2, k = 3, o = 3; // H: pads 0 before, 1 after; W: 1 and 1
    float[] x = random(h * w * c);
    float[] f = random(k * k * c * o);
    float[] bias = {0.5f, -0.25f, 0.1f};
    TinyGraph t = new TinyGraph().placeholder("x", -1, h, w, c)
        .constant("f", new int[] {k, k, c, o}, f).constant("b", new int[] {o}, bias);
    ObjectNode a = t.op("y", "_FusedConv2D", "x", "f", "b");
    TinyGraph.string(a, "padding", "SAME");
    TinyGraph.string(a, "data_format", "NHWC");
    TinyGraph.ints(a, "strides", 1, 2, 2, 1);
    TinyGraph.strings(a, "fused_ops", "BiasAdd", "Relu");
    float[] y = TinyGraph.convertAndRun(t.write(dir), "x", new long[] {1, h, w, c}, x);

    float[] expected = TfReference.conv2dSame(x, h, w, c, f, k, k, o, 2);
    for (int i = 0; i < expected.length; i++) {
      expected[i] = Math.max(0, expected[i] + bias[i % o]);
    }
    assertEquals(3 * 3 * o, y.length); // NHWC [1, 3, 3, 3]
    assertArrayEquals(expected, y, EPS);
  }

  @Test
  void depthwiseWithChannelMultiplierKeepsTfChannelOrder() throws IOException, OrtException {
    int h = 5, w = 4, c = 3, k = 3, m = 2;
    float[] x = random(h * w * c);
    float[] f = random(k * k * c * m);
    TinyGraph t = new TinyGraph().placeholder("x", -1, h, w, c)
        .constant("f", new int[] {k, k, c, m}, f);
    ObjectNode a = t.op("y", "DepthwiseConv2dNative", "x", "f");
    TinyGraph.string(a, "padding", "SAME");
    TinyGraph.ints(a, "strides", 1, 2, 2, 1);
    float[] y = TinyGraph.convertAndRun(t.write(dir), "x", new long[] {1, h, w, c}, x);
    assertArrayEquals(TfReference.depthwiseSame(x, h, w, c, f, k, k, m, 2), y, EPS);
  }

  @Test
  void maxPoolAndAvgPoolSameIgnorePaddedCells() throws IOException, OrtException {
    int h = 6, w = 7, c = 2;
    float[] x = random(h * w * c);
    for (String op : new String[] {"MaxPool", "AvgPool"}) {
      Path sub = dir.resolve(op);
      java.nio.file.Files.createDirectories(sub);
      TinyGraph t = new TinyGraph().placeholder("x", -1, h, w, c);
      ObjectNode a = t.op("y", op, "x");
      TinyGraph.string(a, "padding", "SAME");
      TinyGraph.ints(a, "ksize", 1, 3, 3, 1);
      TinyGraph.ints(a, "strides", 1, 2, 2, 1);
      float[] y = TinyGraph.convertAndRun(t.write(sub), "x", new long[] {1, h, w, c}, x);
      assertArrayEquals(
          TfReference.poolSame(x, h, w, c, 3, 2, op.equals("MaxPool")), y, EPS, op);
    }
  }

  @Test
  void residualAddThenGlobalMeanAndSoftmaxOverChannels() throws IOException, OrtException {
    int h = 3, w = 4, c = 5;
    float[] x = random(h * w * c);
    TinyGraph t = new TinyGraph().placeholder("x", -1, h, w, c)
        .constantInts("axes", new int[] {2}, new int[] {1, 2});
    t.op("r", "Relu", "x");
    t.op("s", "AddV2", "r", "x");
    ObjectNode mean = t.op("m", "Mean", "s", "axes");
    mean.putObject("keep_dims").put("b", false);
    t.op("p", "Softmax", "m");
    t.op("Identity", "Identity", "p");
    float[] y = TinyGraph.convertAndRun(t.write(dir), "x", new long[] {1, h, w, c}, x);

    double[] avg = new double[c];
    for (int i = 0; i < h * w; i++) {
      for (int p = 0; p < c; p++) {
        float v = x[i * c + p];
        avg[p] += (Math.max(0, v) + v) / (h * w);
      }
    }
    double z = 0;
    for (double v : avg) {
      z += Math.exp(v);
    }
    float[] expected = new float[c];
    for (int p = 0; p < c; p++) {
      expected[p] = (float) (Math.exp(avg[p]) / z);
    }
    assertArrayEquals(expected, y, EPS);
  }

  @Test
  void convertedInterfaceKeepsNhwcInputAndNamesOutputs() throws IOException {
    TinyGraph t = new TinyGraph().placeholder("input_1", -1, 8, 8, 1);
    t.op("Identity", "Relu", "input_1");
    TfjsGraphConverter.Result r =
        new TfjsGraphConverter(1).convert(t.write(dir), "test", "tiny");
    assertArrayEquals(new long[] {1, 8, 8, 1}, r.inputs().get("input_1"));
    assertEquals(1, r.outputs().size());
    assertArrayEquals(new long[] {1, 8, 8, 1}, r.outputs().values().iterator().next());
  }

  @Test
  void unsupportedOpIsNamedWithItsNode() throws IOException {
    TinyGraph t = new TinyGraph().placeholder("x", -1, 4, 4, 1);
    t.op("spooky", "Erf", "x");
    TfjsGraphModel model = t.write(dir);
    UnsupportedOpException e = assertThrows(UnsupportedOpException.class,
        () -> new TfjsGraphConverter(1).convert(model, "test", "tiny"));
    assertTrue(e.getMessage().contains("unsupported TFJS op 'Erf' at node 'spooky'"),
        e.getMessage());
    assertTrue(e.getMessage().contains("model.json"), e.getMessage());
  }

  @Test
  void unsupportedFusedOpIsNamed() throws IOException {
    TinyGraph t = new TinyGraph().placeholder("x", -1, 4, 4, 1)
        .constant("f", new int[] {1, 1, 1, 1}, new float[] {1})
        .constant("b", new int[] {1}, new float[] {0});
    ObjectNode a = t.op("c", "_FusedConv2D", "x", "f", "b");
    TinyGraph.string(a, "padding", "VALID");
    TinyGraph.strings(a, "fused_ops", "BiasAdd", "Elu");
    TfjsGraphModel model = t.write(dir);
    UnsupportedOpException e = assertThrows(UnsupportedOpException.class,
        () -> new TfjsGraphConverter(1).convert(model, "test", "tiny"));
    assertTrue(e.getMessage().contains("node 'c'") && e.getMessage().contains("Elu"),
        e.getMessage());
  }
}

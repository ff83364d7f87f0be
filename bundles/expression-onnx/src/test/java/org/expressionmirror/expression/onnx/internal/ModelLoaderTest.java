package org.expressionmirror.expression.onnx.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OrtEnvironment;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.expressionmirror.api.Box;
import org.expressionmirror.api.Distribution;
import org.expressionmirror.api.Frame;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading generated models of the real contracts: checks, golden vectors, classification. */
class ModelLoaderTest {
  private static Frame photo;
  private static final Box FACE = new Box(770, 120, 180, 230);
  private final List<String> infos = new ArrayList<>();
  private final ModelLoader loader = new ModelLoader(OrtEnvironment.getEnvironment(), 1, infos::add);

  @TempDir Path dir;

  @BeforeAll
  static void load() throws Exception {
    nu.pattern.OpenCV.loadLocally();
    photo = Photos.frame("sample5.jpg");
  }

  @Test
  void hsemotionMtlContractLogitsSoftmaxEightClassesWithContemptAndIgnoredHeads() throws Exception {
    ObjectNode d = Descriptions.hsemotion("hse-mtl");
    float[] w = TestModels.weights(3, 8);
    float[] b = TestModels.bias(8);
    TestModels.write(dir.resolve("hse-mtl.onnx"), "input", new long[] {1, 3, 224, 224}, true, "logits", w, b, false, true);
    Descriptions.write(dir.resolve("hse-mtl.json"), d);
    try (OnnxExpressionModel model = loader.load(dir.resolve("hse-mtl.json"))) {
      Distribution got = model.classify(photo, FACE);
      double[] expected = TestModels.softmax(TestModels.dense(channelMeans(model.spec()), w, b));
      assertEquals(Descriptions.HSE_CANONICAL, got.labels());
      for (int i = 0; i < 8; i++) {
        assertEquals(expected[i], got.get(Descriptions.HSE_CANONICAL.get(i)), 1e-4, Descriptions.HSE_CANONICAL.get(i));
      }
      assertEquals(List.of("anger", "contempt", "disgust", "fear", "happiness", "neutral", "sadness", "surprise"),
          model.info().labels());
    }
  }

  @Test
  void ferplusContractMapsItsOwnLabelOrderOntoTheCanonicalLabels() throws Exception {
    float[] w = TestModels.weights(1, 8);
    float[] b = TestModels.bias(8);
    TestModels.write(dir.resolve("ferplus.onnx"), "Input3", new long[] {1, 1, 64, 64}, true, "Plus692_Output_0", w, b, false, false);
    Descriptions.write(dir.resolve("ferplus.json"), Descriptions.ferplus("ferplus"));
    try (OnnxExpressionModel model = loader.load(dir.resolve("ferplus.json"))) {
      Distribution got = model.classify(photo, FACE);
      double[] expected = TestModels.softmax(TestModels.dense(channelMeans(model.spec()), w, b));
      // Output 0 of FER+ is neutral, output 7 contempt: the mapping must follow the model's order.
      assertEquals(expected[0], got.get("neutral"), 1e-4);
      assertEquals(expected[1], got.get("happiness"), 1e-4);
      assertEquals(expected[7], got.get("contempt"), 1e-4);
    }
  }

  @Test
  void probabilitiesModelNhwcIsPassedThrough() throws Exception {
    float[] w = TestModels.weights(1, 7);
    float[] b = TestModels.bias(7);
    TestModels.write(dir.resolve("mx.onnx"), "input_1", new long[] {1, 64, 64, 1}, false, "Identity", w, b, true, false);
    Descriptions.write(dir.resolve("mx.json"), Descriptions.minixception("mx"));
    try (OnnxExpressionModel model = loader.load(dir.resolve("mx.json"))) {
      Distribution got = model.classify(photo, FACE);
      double[] expected = TestModels.softmax(TestModels.dense(channelMeans(model.spec()), w, b));
      assertEquals(expected[3], got.get("happiness"), 1e-4);
      assertEquals(expected[6], got.get("neutral"), 1e-4);
    }
  }

  @Test
  void aDescriptionWithTheWrongLayoutIsRejectedNamingFileAndShapes() throws Exception {
    TestModels.write(dir.resolve("fp.onnx"), "Input3", new long[] {1, 1, 64, 64}, true, "Plus692_Output_0",
        TestModels.weights(1, 8), TestModels.bias(8), false, false);
    ObjectNode d = Descriptions.ferplus("fp");
    ((ObjectNode) d.get("input")).put("layout", "NHWC").putArray("shape").add(1).add(64).add(64).add(1);
    Descriptions.write(dir.resolve("fp.json"), d);
    ModelException e = assertThrows(ModelException.class, () -> loader.load(dir.resolve("fp.json")));
    assertTrue(e.getMessage().contains("fp.onnx: input 'Input3' has shape [1, 1, 64, 64] but the description says [1, 64, 64, 1] (NHWC)"),
        e.getMessage());
  }

  @Test
  void anOutputSizeThatDiffersFromTheLabelCountIsRejected() throws Exception {
    TestModels.write(dir.resolve("seven.onnx"), "input", new long[] {1, 3, 224, 224}, true, "logits",
        TestModels.weights(3, 7), TestModels.bias(7), false, false);
    Descriptions.write(dir.resolve("seven.json"), Descriptions.hsemotion("seven"));
    ModelException e = assertThrows(ModelException.class, () -> loader.load(dir.resolve("seven.json")));
    assertTrue(e.getMessage().contains("seven.onnx: output 'logits' has 7 values [1, 7] but the description lists 8 labels"),
        e.getMessage());
  }

  /**
   * A typo in a size (64000000 for 64) overflowed the input buffer size: an IllegalArgumentException
   * "capacity < 0" escaped instead of a ModelException naming the key, and the session leaked.
   */
  @Test
  void anImplausiblyLargeInputShapeIsRejectedNamingTheKeyAndValue() throws Exception {
    TestModels.write(dir.resolve("big.onnx"), "Input3", new long[] {1, 1, 64, 64}, true, "Plus692_Output_0",
        TestModels.weights(1, 8), TestModels.bias(8), false, false);
    ObjectNode d = Descriptions.ferplus("big");
    ((ObjectNode) d.get("input")).putArray("shape").add(1).add(1).add(64).add(64000000);
    Descriptions.write(dir.resolve("big.json"), d);
    ModelException e = assertThrows(ModelException.class, () -> loader.load(dir.resolve("big.json")));
    assertTrue(e.getMessage().contains("big.json: input.shape = [1, 1, 64, 64000000] must have a height and width of at most"),
        e.getMessage());
  }

  @Test
  void unknownInputNameIsRejectedListingTheRealInputs() throws Exception {
    TestModels.write(dir.resolve("n.onnx"), "data", new long[] {1, 3, 224, 224}, true, "logits",
        TestModels.weights(3, 8), TestModels.bias(8), false, false);
    Descriptions.write(dir.resolve("n.json"), Descriptions.hsemotion("n"));
    ModelException e = assertThrows(ModelException.class, () -> loader.load(dir.resolve("n.json")));
    assertTrue(e.getMessage().contains("n.onnx: has no input 'input' (inputs: [data])"), e.getMessage());
  }

  @Test
  void aFileThatIsNotOnnxIsRejectedNamingIt() throws Exception {
    Files.writeString(dir.resolve("junk.onnx"), "this is not a model");
    Descriptions.write(dir.resolve("junk.json"), Descriptions.hsemotion("junk"));
    ModelException e = assertThrows(ModelException.class, () -> loader.load(dir.resolve("junk.json")));
    assertTrue(e.getMessage().contains("junk.onnx: not an ONNX model ONNX Runtime can load"), e.getMessage());
  }

  @Test
  void goldenVectorsThatMatchLetTheModelInAndALargeDifferenceRejectsIt() throws Exception {
    float[] w = TestModels.weights(1, 8);
    float[] b = TestModels.bias(8);
    TestModels.write(dir.resolve("g.onnx"), "Input3", new long[] {1, 1, 64, 64}, true, "Plus692_Output_0", w, b, false, false);
    ObjectNode d = Descriptions.ferplus("g");
    d.put("golden", "g.golden.json");
    Descriptions.write(dir.resolve("g.json"), d);
    float[] input = new float[64 * 64];
    for (int i = 0; i < input.length; i++) {
      input[i] = (i * 37 % 256);
    }
    double mean = 0;
    for (float v : input) {
      mean += v;
    }
    double[] expected = TestModels.dense(new double[] {mean / input.length}, w, b);

    writeGolden(dir.resolve("g.golden.json"), input, expected, 0);
    try (OnnxExpressionModel model = loader.load(dir.resolve("g.json"))) {
      assertEquals("g", model.info().id());
    }
    assertTrue(infos.stream().anyMatch(m -> m.startsWith("golden vectors passed: model 'g' (g.onnx)")), infos.toString());

    writeGolden(dir.resolve("g.golden.json"), input, expected, 0.01);
    ModelException e = assertThrows(ModelException.class, () -> loader.load(dir.resolve("g.json")));
    assertTrue(e.getMessage().startsWith("rejected model 'g' (g.onnx): largest difference from the golden outputs 0.0100"),
        e.getMessage());
    assertTrue(e.getMessage().contains("output contempt"), e.getMessage());
  }

  @Test
  void descriptionMistakesNameTheFileAndTheKey() {
    ObjectNode missing = Descriptions.hsemotion("m");
    ((ArrayNode) missing.get("output").get("canonical")).remove(7);
    assertMessage(missing, "test.json: output label 'Surprise' (index 7) has no canonical label in output.canonical");

    ObjectNode unknown = Descriptions.hsemotion("u");
    ((ArrayNode) unknown.get("output").get("canonical")).set(4, "joy");
    assertMessage(unknown, "test.json: output label 'Happiness' maps to 'joy', which is not a canonical label");

    ObjectNode channels = Descriptions.ferplus("c");
    ((ObjectNode) channels.get("input")).put("colour", "rgb");
    assertMessage(channels, "test.json: input.shape = [1, 1, 64, 64] has 1 channel(s) in NCHW but colour rgb needs 3");

    ObjectNode layout = Descriptions.ferplus("l");
    ((ObjectNode) layout.get("input")).put("layout", "HWC");
    assertMessage(layout, "test.json: input.layout = HWC must be NHWC or NCHW");

    ObjectNode typo = Descriptions.ferplus("t");
    ((ObjectNode) typo.get("input")).put("greyWeight", 1.0);
    ModelException e = assertThrows(ModelException.class, () -> Descriptions.spec(typo));
    assertTrue(e.getMessage().contains("greyWeight"), e.getMessage());
  }

  private static void assertMessage(ObjectNode d, String expected) {
    ModelException e = assertThrows(ModelException.class, () -> Descriptions.spec(d));
    assertTrue(e.getMessage().startsWith(expected), e.getMessage());
  }

  static void writeGolden(Path file, float[] input, double[] expected, double shift) throws Exception {
    ByteBuffer bytes = ByteBuffer.allocate(input.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asFloatBuffer().put(input);
    ObjectNode g = Descriptions.JSON.createObjectNode();
    g.put("tolerance", 1e-4);
    // Keys for people, as the models module writes them, are ignored.
    g.put("producer", "the test");
    ObjectNode v = g.putArray("vectors").addObject();
    v.put("name", "ramp");
    v.put("image", "generated");
    v.put("note", "a ramp");
    v.putArray("box").add(0).add(0).add(64).add(64);
    v.putArray("inputShape").add(1).add(1).add(64).add(64);
    v.put("input", Base64.getEncoder().encodeToString(bytes.array()));
    ArrayNode e = v.putArray("expected");
    for (int i = 0; i < expected.length; i++) {
      e.add(expected[i] + (i == expected.length - 1 ? shift : 0));
    }
    Descriptions.JSON.writeValue(file.toFile(), g);
  }

  /** Per-channel means of the hand-written reference tensor: what the test models compute on. */
  private static double[] channelMeans(ModelSpec spec) {
    float[] t = ReferencePreprocessing.tensor(photo, FACE, spec);
    int c = spec.channels();
    int plane = t.length / c;
    double[] means = new double[c];
    for (int i = 0; i < t.length; i++) {
      int ch = spec.nchw() ? i / plane : i % c;
      means[ch] += t[i];
    }
    for (int k = 0; k < c; k++) {
      means[k] /= plane;
    }
    return means;
  }
}

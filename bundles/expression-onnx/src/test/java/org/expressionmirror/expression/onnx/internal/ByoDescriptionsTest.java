package org.expressionmirror.expression.onnx.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OrtEnvironment;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.expressionmirror.api.Box;
import org.expressionmirror.api.Distribution;
import org.expressionmirror.api.Frame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped bring-your-own descriptions (models/descriptions/byo) end to end: each with a small
 * generated ONNX model of exactly the upstream interface (input and output names, shapes with the
 * dynamic batch torch.onnx.export writes, NCHW, logits, class count, extra values), dropped into a
 * real models folder, run on a real photo and compared with an independent computation of the
 * contract as ENGINEERING.md states it.
 */
class ByoDescriptionsTest {
  /** The shipped descriptions, in the source tree (the models artifact copies them to models/). */
  static final Path BYO = Path.of("../../models/descriptions/byo");

  private static final Box FACE = new Box(770, 120, 180, 230);
  private static final List<Double> IMAGENET_MEAN = List.of(0.485, 0.456, 0.406);
  private static final List<Double> IMAGENET_STD = List.of(0.229, 0.224, 0.225);
  private static final List<String> SEVEN =
      List.of("Anger", "Disgust", "Fear", "Happiness", "Neutral", "Sadness", "Surprise");
  private static final List<String> SEVEN_CANONICAL =
      List.of("anger", "disgust", "fear", "happiness", "neutral", "sadness", "surprise");
  private static Frame photo;

  @TempDir Path dir;
  private final PublishedModels registry = new PublishedModels();
  private final Map<Integer, OnnxExpressionModel> published = registry.published;
  private final List<String> infos = new ArrayList<>();
  private final List<String> errors = new ArrayList<>();
  private ModelFolder folder;

  @BeforeAll
  static void load() throws Exception {
    nu.pattern.OpenCV.loadLocally();
    photo = Photos.frame("sample5.jpg");
  }

  @AfterEach
  void close() {
    if (folder != null) {
      folder.close();
    }
  }

  @Test
  void enetB0EightClassesAfew() throws Exception {
    ObjectNode contract = hsemotion("enet_b0_8_best_afew", 224, IMAGENET_MEAN, IMAGENET_STD);
    checkContract("enet_b0_8_best_afew", contract, 8, 0);
  }

  @Test
  void enetB2EightClassesAt260() throws Exception {
    checkContract("enet_b2_8", hsemotion("enet_b2_8", 260, IMAGENET_MEAN, IMAGENET_STD), 8, 0);
  }

  @Test
  void enetB0SevenClassesWithoutContempt() throws Exception {
    ObjectNode contract = hsemotion("enet_b0_7", 224, IMAGENET_MEAN, IMAGENET_STD);
    ObjectNode out = (ObjectNode) contract.get("output");
    SEVEN.forEach(out.putArray("labels")::add);
    SEVEN_CANONICAL.forEach(out.putArray("canonical")::add);
    Distribution got = checkContract("enet_b0_7", contract, 7, 0);
    assertEquals(SEVEN_CANONICAL.stream().sorted().toList(), got.labels().stream().sorted().toList());
    assertEquals(0.0, got.get("contempt"));
  }

  @Test
  void mobileFaceNetMtlEightClassesThenValenceAndArousalInTheSameOutput() throws Exception {
    List<Double> half = List.of(0.5, 0.5, 0.5);
    Distribution got = checkContract("mbf_va_mtl", hsemotion("mbf_va_mtl", 112, half, half), 8, 2);
    assertEquals(Descriptions.HSE_CANONICAL, got.labels());
  }

  @Test
  void ferPlusGreyRawPixelsInItsOwnLabelOrder() throws Exception {
    ObjectNode contract = Descriptions.ferplus("emotion-ferplus-8");
    ObjectNode in = (ObjectNode) contract.get("input");
    in.putArray("greyWeights").add(0.299).add(0.587).add(0.114);
    checkContract("emotion-ferplus-8", contract, 8, 0);
  }

  @Test
  void shippedDescriptionsWaitQuietlyForTheirModelFilesAndPickThemUpWhenDropped() throws Exception {
    List<String> ids = List.of("emotion-ferplus-8", "enet_b0_7", "enet_b0_8_best_afew", "enet_b2_8", "mbf_va_mtl");
    for (String id : ids) {
      Files.copy(BYO.resolve(id + ".json"), dir.resolve(id + ".json"));
    }
    ModelFolder f = folder();
    f.scan();
    f.scan();
    assertTrue(published.isEmpty());
    assertTrue(errors.isEmpty(), errors.toString());
    assertEquals(5, infos.size(), "one line per description, once: " + infos);
    assertTrue(infos.contains("enet_b2_8.json waits for its model file " + dir.toAbsolutePath().resolve("enet_b2_8.onnx")
        + " (copy the file there to use this model)"), infos.toString());

    writeModel("enet_b2_8", 3, 260, 8, -1, "input", "output");
    f.scan();
    assertEquals(Map.of("enet_b2_8.json", "enet_b2_8"), f.registered());
    assertTrue(errors.isEmpty(), errors.toString());

    Files.delete(dir.resolve("enet_b2_8.onnx"));
    f.scan();
    assertTrue(published.isEmpty());
    assertTrue(infos.stream().anyMatch(m -> m.equals("model 'enet_b2_8' unregistered: its model file enet_b2_8.onnx was removed")),
        infos.toString());
  }

  @Test
  void anMtlModelWithoutTheExtraValuesIsRejectedNamingBothFilesAndTheCounts() throws Exception {
    Files.copy(BYO.resolve("mbf_va_mtl.json"), dir.resolve("mbf_va_mtl.json"));
    writeModel("mbf_va_mtl", 3, 112, 8, -1, "input", "output");
    folder().scan();
    assertTrue(published.isEmpty());
    assertEquals(1, errors.size(), errors.toString());
    assertTrue(errors.get(0).startsWith("mbf_va_mtl.json: "), errors.get(0));
    assertTrue(errors.get(0).endsWith("mbf_va_mtl.onnx: output 'output' has 8 values [-1, 8] but the description lists 8 labels "
        + "[Anger, Contempt, Disgust, Fear, Happiness, Neutral, Sadness, Surprise] + 2 extra values [valence, arousal]"),
        errors.get(0));
  }

  /**
   * Drops the shipped description and a generated model with the upstream interface into the
   * folder, scans, classifies the photo's face and compares with softmax(dense(channel means)) of
   * the tensor the {@code contract} (written here from ENGINEERING.md, not read from the shipped
   * file) describes, over the first {@code classes} outputs.
   */
  private Distribution checkContract(String id, ObjectNode contract, int classes, int extra) throws Exception {
    ModelSpec expectedSpec = Descriptions.spec(contract);
    ModelSpec shipped = ModelLoader.readSpec(BYO.resolve(id + ".json"));
    assertEquals(id + ".onnx", shipped.file());
    Files.copy(BYO.resolve(id + ".json"), dir.resolve(id + ".json"));
    boolean grey = expectedSpec.channels() == 1;
    long batch = grey ? 1 : -1; // FER+ (CNTK export) has a fixed batch, the torch exports a dynamic one
    float[][] wb = writeModel(id, expectedSpec.channels(), expectedSpec.width(), classes + extra, batch,
        expectedSpec.inputName(), expectedSpec.outputName());
    ModelFolder f = folder();
    f.scan();
    assertTrue(errors.isEmpty(), errors.toString());
    assertEquals(Map.of(id + ".json", id), f.registered());
    Distribution got = published.values().iterator().next().classify(photo, FACE);

    double[] logits = TestModels.dense(channelMeans(expectedSpec), wb[0], wb[1]);
    double[] expected = TestModels.softmax(java.util.Arrays.copyOf(logits, classes));
    for (int i = 0; i < classes; i++) {
      String label = expectedSpec.canonical().get(i);
      assertEquals(expected[i], got.get(label), 1e-4, id + " " + label);
    }
    assertEquals(classes, got.labels().size());
    return got;
  }

  /** A generated model: {@code outputs} values from the channel means; returns its weights and biases. */
  private float[][] writeModel(String id, int channels, int size, int outputs, long batch, String in, String out)
      throws Exception {
    float[] w = TestModels.weights(channels, outputs);
    float[] b = TestModels.bias(outputs);
    if (outputs > 8) {
      // Large extra values: a softmax that wrongly took them in would be far off.
      for (int j = 8; j < outputs; j++) {
        b[j] = 6f;
      }
    }
    TestModels.write(dir.resolve(id + ".onnx"), in, new long[] {batch, channels, size, size}, true, out, w, b, false, false);
    return new float[][] {w, b};
  }

  /** ENGINEERING.md's HSEmotion contract: RGB, no margin, resize, /255, mean/std, NCHW, "input", logits. */
  private static ObjectNode hsemotion(String id, int size, List<Double> mean, List<Double> std) {
    ObjectNode d = Descriptions.hsemotion(id);
    ObjectNode in = (ObjectNode) d.get("input");
    in.putArray("shape").add(1).add(3).add(size).add(size);
    mean.forEach(in.putArray("mean")::add);
    std.forEach(in.putArray("std")::add);
    ((ObjectNode) d.get("output")).put("name", "output");
    return d;
  }

  private ModelFolder folder() {
    ModelLoader loader = new ModelLoader(OrtEnvironment.getEnvironment(), 1, m -> {});
    folder = new ModelFolder(dir, loader, registry, infos::add, errors::add);
    return folder;
  }

  private static double[] channelMeans(ModelSpec spec) {
    float[] t = ReferencePreprocessing.tensor(photo, FACE, spec);
    int c = spec.channels();
    int plane = t.length / c;
    double[] means = new double[c];
    for (int i = 0; i < t.length; i++) {
      means[i / plane] += t[i];
    }
    for (int k = 0; k < c; k++) {
      means[k] /= plane;
    }
    return means;
  }
}

package org.expressionmirror.training.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OrtEnvironment;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.expressionmirror.api.Box;
import org.expressionmirror.api.Frame;
import org.expressionmirror.expression.onnx.internal.ExpressionOnnxLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The blend of a trained head with the backbone's own head: the weight chosen on a small set by
 * hand (ties to the larger weight), labels the backbone lacks getting 0 from it, the exported graph
 * against the blend computed in Java and against the two plain graphs it is made of (with and
 * without the mirror pass), the refusals, and a whole run whose model the mirror's loader accepts.
 */
class BlendTest {
  private static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();
  private static final List<String> FERPLUS =
      List.of("anger", "contempt", "disgust", "fear", "happiness", "neutral", "sadness", "surprise");

  @TempDir static Path dir;

  @BeforeAll
  static void openCv() {
    nu.pattern.OpenCV.loadLocally();
  }

  /**
   * Head on features (x0, x1): logits (x0, x1, 0) over contempt, happiness, neutral. Backbone:
   * logits (0, 3 x1, 0) over neutral, happiness, sadness. Image A (1, 0.8) is happiness: the head
   * says contempt, the blend is right for w below 0.91. Image B (3, 0.5) is contempt, which the
   * backbone cannot say: the blend is right for w above 0.46. Both right from 0.90 to 0.50: the
   * largest, 0.90, is chosen.
   */
  @Test
  void theWeightIsTheBestOnTheValidationImagesAndTiesGoToTheLargerWeight() {
    Blend blend = smallBlend(1);
    SoftmaxHead head = smallHead();
    List<float[]> x = List.of(new float[] {1f, 0.8f}, new float[] {3f, 0.5f});
    Blend.Choice c = blend.choose(head, x, null, new int[] {1, 0});
    assertEquals(0.90, c.weight(), 1e-12);
    assertEquals(2, c.images());
    assertEquals(20, c.accuracy().size());
    assertEquals(0.5, c.accuracy().get("1.00"));
    assertEquals(0.5, c.accuracy().get("0.95"));
    assertEquals(1.0, c.accuracy().get("0.90"));
    assertEquals(1.0, c.accuracy().get("0.50"));
    assertEquals(0.5, c.accuracy().get("0.45"));
    assertEquals(0.5, c.accuracy().get("0.05"));
    // B alone: every weight from 1 to 0.50 is right, the head alone wins the tie
    assertEquals(1.0, blend.choose(head, List.of(new float[] {3f, 0.5f}), null, new int[] {0}).weight(), 1e-12);
    // scored as the mirror pass scores: A with B's features as its "mirror image" averages the two
    Blend.Choice m = blend.choose(head, List.of(new float[] {1f, 0.8f}), List.of(new float[] {3f, 0.5f}), new int[] {1});
    // head (0.670, 0.223, 0.106), backbone (0, 0.768, 0.115): happiness wins below w = 0.63
    assertEquals(0.60, m.weight(), 1e-12, "averaged with B, A needs more of the backbone: " + m);
  }

  @Test
  void backboneLabelsGoToTheSameCanonicalLabelAndOthersGetNothing() {
    assertArrayEquals(new int[] {2, 1, -1}, Blend.targets(List.of("neutral", "happiness", "sadness"), List.of("contempt", "happiness", "neutral")));
    Blend blend = smallBlend(0.5);
    // rows: the backbone's neutral, happiness, sadness; columns: contempt, happiness, neutral
    assertArrayEquals(new float[] {0, 0, 1, 0, 1, 0, 0, 0, 0}, blend.mapping());
    double[] q = blend.backbone(new float[] {1f, 0.8f});
    assertEquals(0, q[0]); // contempt: the backbone has no such label
    double e = Math.exp(2.4);
    assertEquals(e / (e + 2), q[1], 1e-7); // x1 is 0.8f
    assertEquals(1 / (e + 2), q[2], 1e-7); // sadness is not a head label: its share goes nowhere
    double[] h = smallHead().probabilities(new float[] {1f, 0.8f});
    double[] p = blend.probabilities(smallHead(), new float[] {1f, 0.8f}, null);
    for (int k = 0; k < 3; k++) {
      assertEquals(0.5 * h[k] + 0.5 * q[k], p[k], 1e-7);
    }
    Map<String, String> byLabel = blend.mappingByLabel(List.of("neutral", "happiness", "sadness"), List.of("contempt", "happiness", "neutral"));
    assertEquals("[neutral, happiness, sadness]", byLabel.keySet().toString());
    assertEquals("neutral", byLabel.get("neutral"));
    assertEquals("happiness", byLabel.get("happiness"));
    assertEquals(null, byLabel.get("sadness"));
  }

  @Test
  void theExportedGraphIsTheBlendComputedInJavaWithAndWithoutTheMirrorPass() throws Exception {
    try (Backbone backbone = Backbone.open(ENV, GeneratedFaces.FACE_API)) {
      SoftmaxHead head = randomHead(FERPLUS.size());
      Blend blend = Blend.of(backbone, FERPLUS, 0.7, "0.7");
      List<ModelExport.Crop> crops = crops(backbone);
      for (boolean mirror : List.of(false, true)) {
        byte[] onnx = ModelExport.onnx(backbone, head, mirror, blend);
        assertEquals(mirror, MirrorPass.in(onnx));
        List<float[]> exported = ModelExport.run(ENV, onnx, backbone, mirror ? crops : plain(crops));
        assertTrue(ModelExport.difference(head, blend, mirror ? crops : plain(crops), exported) <= ModelExport.MAX_DIFFERENCE);
        // and the head alone is not what it gives: the check above could fail
        assertTrue(ModelExport.difference(head, null, mirror ? crops : plain(crops), exported) > 1e-3);
        // the same from the two plain graphs: w * the head's export + (1 - w) * face-api mapped
        List<float[]> heads = ModelExport.run(ENV, ModelExport.onnx(backbone, head), backbone, crops);
        List<float[]> own = ModelExport.run(ENV, backbone.onnx(), backbone, crops);
        List<float[]> headsFlipped = ModelExport.run(ENV, ModelExport.onnx(backbone, head), backbone, flipped(crops, backbone));
        List<float[]> ownFlipped = ModelExport.run(ENV, backbone.onnx(), backbone, flipped(crops, backbone));
        for (int i = 0; i < crops.size(); i++) {
          double[] p = composed(heads.get(i), own.get(i), backbone);
          if (mirror) {
            double[] q = composed(headsFlipped.get(i), ownFlipped.get(i), backbone);
            for (int k = 0; k < p.length; k++) {
              p[k] = (p[k] + q[k]) / 2;
            }
          }
          assertEquals(FERPLUS.size(), exported.get(i).length);
          for (int k = 0; k < p.length; k++) {
            assertEquals(p[k], exported.get(i)[k], 1e-6, "mirror " + mirror + " crop " + i + " class " + k);
          }
          assertEquals(1.0, sum(exported.get(i)), 1e-5); // face-api's 7 labels are all FER+ labels
        }
      }
    }
  }

  @Test
  void blendRefusalsNameTheOptionAndValue() throws Exception {
    try (Backbone backbone = Backbone.open(ENV, GeneratedFaces.FACE_API)) {
      TrainingException none = assertThrows(TrainingException.class, () -> Blend.of(backbone, List.of("contempt", "other"), 0.9, "0.9"));
      assertTrue(none.getMessage().startsWith("--blend 0.9: backbone faceapi-expression has no label of the new model's [contempt, other]"), none.getMessage());
      TrainingSet set = TrainingSet.read(data(), null);
      TrainingRun.Settings onePerson =
          new TrainingRun.Settings("me", 5, "none", Map.of(), SoftmaxTrainer.Settings.defaults(), dir.resolve("cache"), dir, true, TrainingSet.SOFT, false, Blend.AUTO);
      TrainingException e = assertThrows(TrainingException.class, () -> run(backbone, set, onePerson, new ByteArrayOutputStream()));
      assertEquals("--blend auto is not available with --one-person", e.getMessage());
      TrainingRun.Settings outside = settings("x", dir).withBlend(1.5);
      assertEquals("--blend 1.5: the head's weight must be auto or in (0, 1]",
          assertThrows(TrainingException.class, () -> run(backbone, set, outside, new ByteArrayOutputStream())).getMessage());
    }
    for (String bad : List.of("0", "1.01", "-1", "half", "NaN")) {
      assertEquals("--blend " + bad + ": give auto or the trained head's weight, a number in (0, 1] (1: no blend)",
          assertThrows(TrainingException.class, () -> TrainingComponent.blend(bad)).getMessage());
    }
    assertEquals(Blend.AUTO, TrainingComponent.blend(" auto "));
    assertEquals(0.95, TrainingComponent.blend("0.95"));
    assertThrows(IllegalArgumentException.class, () -> smallBlend(0));
  }

  @Test
  void aRunWithABlendWritesAModelTheMirrorLoadsAndSaysHowTheWeightWasChosen() throws Exception {
    Path out = Files.createDirectories(dir.resolve("blend-models"));
    TrainingSet set = TrainingSet.read(data(), null);
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    TrainingRun.Outcome fixed;
    TrainingRun.Outcome auto;
    try (Backbone backbone = Backbone.open(ENV, GeneratedFaces.FACE_API)) {
      fixed = run(backbone, set, settings("blended", out).withMirror(true).withBlend(0.6), text);
      auto = run(backbone, set, settings("auto", out).withBlend(Blend.AUTO), new ByteArrayOutputStream());
    }
    String report = text.toString(StandardCharsets.UTF_8);
    assertTrue(fixed.written().maxDifference() <= 1e-5);
    assertTrue(report.contains("blend: head weight 0.60, fixed by --blend; cross-validation scores each fold's head blended with weight 0.60"), report);
    JsonNode d = new ObjectMapper().readTree(out.resolve("blended.json").toFile());
    assertEquals(0.6, d.at("/source/blend/weight").asDouble());
    assertEquals("--blend 0.6 (fixed)", d.at("/source/blend/chosenBy").asText());
    assertEquals("surprise", d.at("/source/blend/mapping/surprise").asText());
    assertTrue(d.at("/source/blend/mapping/happiness").isNull());
    assertEquals(0.6, fixed.report().blend().get("weight"));
    byte[] onnx = Files.readAllBytes(out.resolve("blended.onnx"));
    assertTrue(MirrorPass.in(onnx));
    assertTrue(ai.onnx.proto.OnnxMl.ModelProto.parseFrom(onnx).getGraph().getInitializerList().stream()
        .anyMatch(t -> t.getName().equals(Blend.WEIGHT)));
    // the mirror's own loader: contract and golden vectors (run again in a new session)
    ExpressionOnnxLoader.close(ExpressionOnnxLoader.load(out.resolve("blended.json")));

    // auto: chosen on the final head's early-stopping split, the accuracy of every weight kept
    JsonNode a = new ObjectMapper().readTree(out.resolve("auto.json").toFile());
    JsonNode curve = a.at("/source/blend/chosenOn/accuracyByWeight");
    assertEquals(20, curve.size());
    double w = a.at("/source/blend/weight").asDouble();
    double best = 0;
    for (var it = curve.fields(); it.hasNext(); ) {
      best = Math.max(best, it.next().getValue().asDouble());
    }
    assertEquals(best, curve.get(String.format(java.util.Locale.ROOT, "%.2f", w)).asDouble());
    assertTrue(a.at("/source/blend/chosenBy").asText().contains("early-stopping split"), a.toString());
    assertTrue(auto.written().maxDifference() <= 1e-5);
  }

  private static TrainingRun.Outcome run(Backbone backbone, TrainingSet set, TrainingRun.Settings s, ByteArrayOutputStream text) throws Exception {
    try (PrintStream print = new PrintStream(text, true, StandardCharsets.UTF_8)) {
      return new TrainingRun(ENV, print, new PrintStream(new ByteArrayOutputStream()), m -> {}).run(set, backbone, null, s);
    }
  }

  private static TrainingRun.Settings settings(String name, Path out) {
    return new TrainingRun.Settings(name, 5, "none", Map.of(), SoftmaxTrainer.Settings.defaults(), dir.resolve("cache"), out);
  }

  private static Path data() throws Exception {
    Path data = dir.resolve("data");
    if (!Files.isDirectory(data)) {
      assertEquals(40, GeneratedFaces.write(data));
    }
    return data;
  }

  /** w * the head's probabilities + (1 - w) * face-api's, each given to its FER+ label. */
  private static double[] composed(float[] head, float[] own, Backbone backbone) {
    double[] p = new double[head.length];
    for (int k = 0; k < p.length; k++) {
      p[k] = 0.7 * head[k];
    }
    for (int b = 0; b < own.length; b++) {
      p[FERPLUS.indexOf(backbone.spec().canonical().get(b))] += 0.3 * own[b];
    }
    return p;
  }

  private static double sum(float[] p) {
    double s = 0;
    for (float v : p) {
      s += v;
    }
    return s;
  }

  private static List<ModelExport.Crop> crops(Backbone backbone) throws Exception {
    List<ModelExport.Crop> crops = new ArrayList<>();
    for (String photo : List.of("sample1.jpg", "sample6.jpg")) {
      Frame frame = FeatureExtraction.read(new TrainingSet.Example(GeneratedFaces.PHOTOS.resolve(photo), photo, 0, null, photo), 0);
      Box box = new Box(frame.width() / 3, frame.height() / 4, frame.width() / 4, frame.height() / 3);
      float[] input = backbone.input(frame, box);
      crops.add(new ModelExport.Crop(photo, box, input, backbone.features(input), backbone.features(MirrorPass.flip(input, backbone.spec()))));
    }
    return crops;
  }

  private static List<ModelExport.Crop> plain(List<ModelExport.Crop> crops) {
    return crops.stream().map(c -> new ModelExport.Crop(c.image(), c.box(), c.input(), c.features())).toList();
  }

  private static List<ModelExport.Crop> flipped(List<ModelExport.Crop> crops, Backbone backbone) {
    return crops.stream().map(c -> new ModelExport.Crop(c.image(), c.box(), MirrorPass.flip(c.input(), backbone.spec()), null)).toList();
  }

  private static SoftmaxHead randomHead(int classes) {
    Random r = new Random(3);
    double[] mean = new double[256];
    double[] scale = new double[256];
    double[] theta = new double[256 * classes + classes];
    for (int j = 0; j < 256; j++) {
      mean[j] = r.nextDouble();
      scale[j] = 0.5 + r.nextDouble();
    }
    for (int i = 0; i < theta.length; i++) {
      theta[i] = r.nextGaussian() * 0.3;
    }
    return new SoftmaxHead(classes, mean, scale, theta);
  }

  /** Logits (x0, x1, 0) over contempt, happiness, neutral. */
  private static SoftmaxHead smallHead() {
    return new SoftmaxHead(3, new double[2], new double[] {1, 1}, new double[] {1, 0, 0, 0, 1, 0, 0, 0, 0});
  }

  /** Backbone logits (0, 3 x1, 0) over neutral, happiness, sadness, mapped to contempt, happiness, neutral. */
  private static Blend smallBlend(double w) {
    return new Blend(new float[] {0, 0, 0, 0, 3, 0}, new float[3], new int[] {2, 1, -1}, 3, w);
  }
}

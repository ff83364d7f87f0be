package org.expressionmirror.training.internal;

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
import org.expressionmirror.api.Box;
import org.expressionmirror.api.Distribution;
import org.expressionmirror.api.ExpressionModel;
import org.expressionmirror.api.Frame;
import org.expressionmirror.expression.onnx.internal.ExpressionOnnxLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole run on real pixels and the real face-api backbone: the generated-from-shipped faces
 * (upright vs upside down, ten people), features, grouped 5-fold cross-validation, the final head,
 * its export, and the written model loaded by the ONNX models bundle's own loader.
 */
class TrainingRunTest {
  private static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  static Path data;

  @BeforeAll
  static void faces() throws Exception {
    data = dir.resolve("data");
    assertEquals(40, GeneratedFaces.write(data));
  }

  private static TrainingRun.Settings settings(String name, Path out) {
    return new TrainingRun.Settings(
        name, 5, "none", Map.of(), SoftmaxTrainer.Settings.defaults(), dir.resolve("cache"), out);
  }

  @Test
  void trainsCrossValidatesAndWritesAModelTheMirrorAccepts() throws Exception {
    Path out = Files.createDirectories(dir.resolve("models"));
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    TrainingRun.Outcome outcome;
    TrainingSet set = TrainingSet.read(data, null);
    try (Backbone backbone = Backbone.open(ENV, GeneratedFaces.FACE_API);
        PrintStream print = new PrintStream(text, true, StandardCharsets.UTF_8)) {
      outcome = new TrainingRun(ENV, print, new PrintStream(new ByteArrayOutputStream()), m -> {}).run(set, backbone, null, settings("upright", out));
    }
    String report = text.toString(StandardCharsets.UTF_8);
    TrainReport r = outcome.report();
    // stated accuracy: upright and upside-down faces of people never seen in training
    assertTrue(r.accuracyMean() >= 0.9, report);
    assertEquals(5, r.perFold().size());
    assertTrue(r.groupedBySubject());
    assertEquals(80, r.perFold().stream().mapToInt(CrossValidation.Fold::testImages).sum());
    assertTrue(report.contains("5-fold cross-validation (grouped by subject):"), report);
    assertTrue(report.contains("confusion (rows: true label, columns: predicted label)"), report);
    assertTrue(report.contains("mean: accuracy "), report);
    assertTrue(outcome.written().maxDifference() <= 1e-5);

    JsonNode d = JSON.readTree(out.resolve("upright.json").toFile());
    assertEquals("upright", d.get("id").asText());
    assertEquals("upright.onnx", d.get("file").asText());
    assertEquals("[\"neutral\",\"surprise\"]", d.get("output").get("labels").toString());
    assertEquals("[\"neutral\",\"surprise\"]", d.get("output").get("canonical").toString());
    JsonNode backboneDescription = JSON.readTree(GeneratedFaces.FACE_API.toFile());
    assertEquals(backboneDescription.get("input"), d.get("input"));
    JsonNode source = d.get("source");
    assertEquals("faceapi-expression", source.get("backbone").get("id").asText());
    assertEquals(Hashes.sha256(Files.readAllBytes(GeneratedFaces.FACE_API.resolveSibling("faceapi-expression.onnx"))),
        source.get("backbone").get("sha256").asText());
    assertEquals(64, source.get("dataset").get("sha256").asText().length());
    assertEquals(5, source.get("crossValidation").get("folds").asInt());
    assertEquals(r.accuracyMean(), source.get("crossValidation").get("accuracyMean").asDouble(), 1e-12);
    JsonNode golden = JSON.readTree(out.resolve("upright.golden.json").toFile());
    assertEquals(4, golden.get("vectors").size());

    // the mirror's own loader: contract, golden vectors (run again in a new session), warm-up
    ExpressionModel model = ExpressionOnnxLoader.load(out.resolve("upright.json"));
    try (Backbone backbone = Backbone.open(ENV, GeneratedFaces.FACE_API)) {
      assertEquals(List.of("neutral", "surprise"), model.info().labels());
      // a face the head was not trained on: the loaded model says what the head says
      Frame frame = FeatureExtraction.read(new TrainingSet.Example(GeneratedFaces.PHOTOS.resolve("sample6.jpg"), "s6", 0, null, "s6"), 0);
      Box box = new Box(frame.width() / 3, frame.height() / 4, frame.width() / 4, frame.height() / 3);
      SoftmaxHead head = retrained(set, backbone);
      double[] expected = head.probabilities(backbone.features(frame, box));
      Distribution got = model.classify(frame, box);
      // the retrained head is the same as the exported one: same data, same seed
      assertEquals(expected[0], got.get("neutral"), 1e-5);
      assertEquals(expected[1], got.get("surprise"), 1e-5);
    } finally {
      ExpressionOnnxLoader.close(model);
    }
  }

  @Test
  void withTheMirrorTheModelAveragesOverTheFaceAndItsMirrorImageAsTheHeadWasScored() throws Exception {
    Path out = Files.createDirectories(dir.resolve("mirror-models"));
    Path cache = dir.resolve("mirror-cache");
    TrainingSet set = TrainingSet.read(data, null);
    TrainingRun.Settings s =
        new TrainingRun.Settings("mirrored", 5, "none", Map.of(), SoftmaxTrainer.Settings.defaults(), cache, out).withMirror(true);
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    TrainingRun.Outcome outcome;
    try (Backbone backbone = Backbone.open(ENV, GeneratedFaces.FACE_API);
        PrintStream print = new PrintStream(text, true, StandardCharsets.UTF_8)) {
      outcome = new TrainingRun(ENV, print, new PrintStream(new ByteArrayOutputStream()), m -> {}).run(set, backbone, null, s);
    }
    String report = text.toString(StandardCharsets.UTF_8);
    assertTrue(report.contains("mirror: each face's mirror image trained on"), report);
    // each image is scored once (its mirror image only through the average), both in its fold
    assertEquals(80, outcome.report().perFold().stream().mapToInt(CrossValidation.Fold::testImages).sum());
    assertTrue(outcome.report().accuracyMean() >= 0.9, report);
    assertTrue(outcome.written().maxDifference() <= 1e-5);
    assertTrue(MirrorPass.in(Files.readAllBytes(out.resolve("mirrored.onnx"))));
    JsonNode d = JSON.readTree(out.resolve("mirrored.json").toFile());
    assertTrue(d.get("source").get("trainer").get("mirror").asBoolean());
    // mirror features in a cache file of their own, one entry per image; the plain file as before
    try (Backbone backbone = Backbone.open(ENV, GeneratedFaces.FACE_API);
        FeatureCache plain = FeatureCache.open(cache, backbone.sha256(), "none {}");
        FeatureCache mirror = FeatureCache.open(cache, backbone.sha256(), "none {} mirror")) {
      assertEquals(80, plain.size());
      assertEquals(80, mirror.size());
      assertTrue(!plain.file().equals(mirror.file()));
    }

    // the mirror's own loader runs the file (golden vectors included): a face the head never saw
    // gets the head's probabilities averaged over the face and its mirror image
    ExpressionModel model = ExpressionOnnxLoader.load(out.resolve("mirrored.json"));
    try (Backbone backbone = Backbone.open(ENV, GeneratedFaces.FACE_API)) {
      Frame frame = FeatureExtraction.read(new TrainingSet.Example(GeneratedFaces.PHOTOS.resolve("sample6.jpg"), "s6", 0, null, "s6"), 0);
      Box box = new Box(frame.width() / 3, frame.height() / 4, frame.width() / 4, frame.height() / 3);
      SoftmaxHead head = retrained(set, backbone, true);
      float[] face = backbone.features(frame, box);
      float[] mirrored = backbone.features(MirrorPass.flip(backbone.input(frame, box), backbone.spec()));
      double[] expected = head.probabilities(face, mirrored);
      Distribution got = model.classify(frame, box);
      assertEquals(expected[0], got.get("neutral"), 1e-5);
      assertEquals(expected[1], got.get("surprise"), 1e-5);
      // and not the face's alone: the average is what was checked
      double alone = head.probabilities(face)[0];
      assertTrue(Math.abs(alone - expected[0]) > 1e-4, "face and mirror image agree: " + alone);
    } finally {
      ExpressionOnnxLoader.close(model);
    }
  }

  @Test
  void theMirrorIsRefusedForOnePerson() throws Exception {
    TrainingSet set = TrainingSet.read(data, null);
    TrainingRun.Settings s =
        new TrainingRun.Settings("me", 5, "none", Map.of(), SoftmaxTrainer.Settings.defaults(), dir.resolve("cache"), dir, true, TrainingSet.SOFT, true, Blend.NONE);
    try (Backbone backbone = Backbone.open(ENV, GeneratedFaces.FACE_API)) {
      TrainingException e = assertThrows(TrainingException.class,
          () -> new TrainingRun(ENV, new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()), m -> {}).run(set, backbone, null, s));
      assertEquals("--mirror is not available with --one-person", e.getMessage());
    }
  }

  @Test
  void aSecondRunTakesTheFeaturesFromTheCache() throws Exception {
    Path out = Files.createDirectories(dir.resolve("models2"));
    TrainingSet set = TrainingSet.read(data, null);
    String second;
    try (Backbone backbone = Backbone.open(ENV, GeneratedFaces.FACE_API)) {
      for (int run = 0; run < 2; run++) {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        new TrainingRun(ENV, new PrintStream(text, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()), m -> {})
            .run(set, backbone, null, settings("cached", out));
        if (run == 1) {
          second = text.toString(StandardCharsets.UTF_8);
          assertTrue(second.contains("features of 80 images (80 from the cache"), second);
        }
      }
    }
  }

  @Test
  void aBackboneWithoutADenseLastLayerIsRefusedNamingIt() {
    TrainingException e =
        assertThrows(
            TrainingException.class,
            () -> Backbone.open(ENV, GeneratedFaces.FACE_API.resolveSibling("minixception-fer2013.json")));
    assertTrue(e.getMessage().startsWith("backbone minixception-fer2013 ("), e.getMessage());
    assertTrue(e.getMessage().contains("only a model ending in Softmax(Gemm(features, W, b)) can be a backbone"), e.getMessage());
  }

  /** The final head again, from the same features (the run's trainer is deterministic). */
  private static SoftmaxHead retrained(TrainingSet set, Backbone backbone) throws Exception {
    return retrained(set, backbone, false);
  }

  /** As above; with {@code mirror}, the mirror images' features as more rows (computed here). */
  private static SoftmaxHead retrained(TrainingSet set, Backbone backbone, boolean mirror) throws Exception {
    List<float[]> x = new ArrayList<>();
    List<float[]> m = mirror ? new ArrayList<>() : null;
    for (TrainingSet.Example e : set.examples()) {
      Frame f = FeatureExtraction.read(e, 0);
      Box whole = new Box(0, 0, f.width(), f.height());
      x.add(backbone.features(f, whole));
      if (mirror) {
        m.add(backbone.features(MirrorPass.flip(backbone.input(f, whole), backbone.spec())));
      }
    }
    int[] labels = set.examples().stream().mapToInt(TrainingSet.Example::label).toArray();
    List<double[]> t = set.examples().stream().map(TrainingSet.Example::target).toList();
    return new SoftmaxTrainer(SoftmaxTrainer.Settings.defaults()).train(x, m, t, labels, set.classes().size(), null).head();
  }
}

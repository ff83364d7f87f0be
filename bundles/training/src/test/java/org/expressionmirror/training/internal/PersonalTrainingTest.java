package org.expressionmirror.training.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OrtEnvironment;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.expressionmirror.api.Box;
import org.expressionmirror.api.Distribution;
import org.expressionmirror.api.ExpressionModel;
import org.expressionmirror.api.Frame;
import org.expressionmirror.api.teach.TeachCounts;
import org.expressionmirror.expression.onnx.internal.ExpressionOnnxLoader;
import org.expressionmirror.expression.onnx.internal.InMemoryModel;
import org.expressionmirror.platform.opencv.FrameMats;
import org.expressionmirror.platform.opencv.ImageFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Core;
import org.opencv.core.Mat;

/**
 * Teach mode's logic on real faces and the real face-api backbone: frames of the shipped photos
 * as a camera would deliver them, each face with a few box jitters (as a detector's boxes wander),
 * upright as one expression and upside down as another. Only features are kept; nothing is
 * written until save.
 */
class PersonalTrainingTest {
  private static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The shipped photos' faces (the boxes of GeneratedFaces). */
  private static final Object[][] FACES = {
    {"sample1.jpg", new Box(400, 340, 200, 250)},
    {"sample1.jpg", new Box(820, 400, 210, 240)},
    {"sample1.jpg", new Box(1450, 180, 240, 270)},
    {"sample2.jpg", new Box(1430, 160, 230, 240)},
    {"sample3.jpg", new Box(585, 320, 200, 280)},
    {"sample3.jpg", new Box(1060, 200, 240, 300)},
    {"sample3.jpg", new Box(1495, 270, 200, 300)},
    {"sample5.jpg", new Box(770, 120, 180, 230)},
    {"sample5.jpg", new Box(360, 840, 230, 300)},
    {"sample5.jpg", new Box(1410, 390, 200, 280)},
  };
  private static final int[][] JITTER = {{0, 0}, {-12, 0}, {12, 6}, {0, -10}, {6, 12}};

  @TempDir Path dir;

  @BeforeAll
  static void openCv() {
    nu.pattern.OpenCV.loadLocally();
  }

  private static PersonalTraining training(TeachSamples samples) throws TrainingException {
    return new PersonalTraining(ENV, Backbone.open(ENV, GeneratedFaces.FACE_API), samples, SoftmaxTrainer.Settings.defaults(), 5);
  }

  /** A photo as a camera frame (BGR bytes), upright or turned upside down. */
  private static Frame frame(String photo, boolean flipped) throws Exception {
    Mat image = ImageFiles.readBgr(GeneratedFaces.PHOTOS.resolve(photo));
    try {
      if (flipped) {
        Core.flip(image, image, -1);
      }
      return FrameMats.toFrame(image, 0, 0);
    } finally {
      image.release();
    }
  }

  private static Box flip(Box b, Frame f) {
    return new Box(f.width() - b.x() - b.width(), f.height() - b.y() - b.height(), b.width(), b.height());
  }

  /** Every face with every jitter: upright as happiness, upside down as surprise. */
  private static int recordAll(PersonalTraining t) throws Exception {
    int n = 0;
    for (Object[] face : FACES) {
      Frame upright = frame((String) face[0], false);
      Frame down = frame((String) face[0], true);
      Box box = (Box) face[1];
      for (int[] j : JITTER) {
        Box b = new Box(box.x() + j[0], box.y() + j[1], box.width(), box.height());
        t.record("happiness", upright, b);
        t.record("surprise", down, flip(b, down));
        n++;
      }
    }
    return n;
  }

  @Test
  void keepsOnlyTheBackbonesFeaturesAndCountsThemPerLabel() throws Exception {
    TeachSamples samples = new TeachSamples(3, 300);
    try (PersonalTraining t = training(samples)) {
      Frame frame = frame("sample1.jpg", false);
      TeachCounts counts = t.record("happiness", frame, (Box) FACES[0][1]);
      assertEquals(Map.of("happiness", 1), counts.perLabel());
      assertFalse(counts.ready());
      t.record("happiness", frame, (Box) FACES[1][1]);
      t.record("happiness", frame, (Box) FACES[2][1]);
      counts = t.record("neutral", frame, (Box) FACES[0][1]);
      assertEquals(3, counts.of("happiness"));
      assertEquals(1, counts.of("neutral"));
      assertEquals(4, counts.total());
      assertEquals(
          "Training needs 2 expressions with at least 3 samples each: only happiness has enough (neutral 1).", counts.missing());
      TrainingException refused = assertThrows(TrainingException.class, () -> t.train("personal", "test"));
      assertEquals(counts.missing(), refused.getMessage());
      // what is kept per sample: the backbone's 256 features, not the 1920x1080 frame nor the crop
      for (float[] kept : samples.of("happiness")) {
        assertEquals(256, kept.length);
      }
      assertThrows(IllegalArgumentException.class, () -> t.record("joy", frame, (Box) FACES[0][1]));
      t.record("neutral", frame, (Box) FACES[1][1]);
      assertTrue(t.record("neutral", frame, (Box) FACES[2][1]).ready());
    }
  }

  @Test
  void trainsInMemoryToAStatedAccuracyAndWritesNothingUntilSaved() throws Exception {
    Path models = Files.createDirectories(dir.resolve("models"));
    TeachSamples samples = new TeachSamples(10, 300);
    try (PersonalTraining t = training(samples)) {
      assertEquals(50, recordAll(t));
      PersonalTraining.Trained trained = t.train("personal", "test");
      // stated accuracy: upright vs upside-down real faces, 5-fold over 100 samples
      assertEquals(5, trained.folds());
      assertEquals(List.of("happiness", "surprise"), trained.labels());
      assertEquals(100, trained.samples());
      System.out.printf("teach: %d-fold accuracy %.3f ± %.3f, trained in %.2f s%n", trained.folds(), trained.cv().accuracyMean(), trained.cv().accuracySd(), trained.seconds());
      assertTrue(trained.cv().accuracyMean() >= 0.95, "accuracy " + trained.cv().accuracyMean());
      try (Stream<Path> files = Files.list(dir)) {
        assertEquals(List.of(models), files.toList(), "training wrote a file");
      }
      assertEquals(0, Files.list(models).count());

      // the graph in memory is a model like any other: the ONNX models bundle loads it from bytes
      ExpressionModel model = InMemoryModel.load(ENV, trained.description(), trained.onnx(), "personal (in memory)");
      try {
        assertEquals("personal", model.info().id());
        assertEquals(List.of("happiness", "surprise"), model.info().labels());
        Frame unseen = frame("sample2.jpg", true);
        Box box = flip(new Box(1430, 160, 230, 240), unseen);
        Distribution d = model.classify(unseen, box);
        assertTrue(d.get("surprise") > 0.5, d.toString());
      } finally {
        InMemoryModel.close(model);
      }

      ModelExport.Written w = t.save(trained, "my-face", models);
      try (Stream<Path> files = Files.list(models)) {
        assertEquals(
            List.of("my-face.golden.json", "my-face.json", "my-face.onnx"),
            files.map(p -> p.getFileName().toString()).sorted().toList());
      }
      JsonNode d = JSON.readTree(w.description().toFile());
      assertEquals("my-face", d.get("id").asText());
      assertTrue(d.get("source").get("onePerson").asBoolean());
      assertEquals(PersonalTraining.ONE_PERSON, d.get("source").get("trainedOn").asText());
      // golden inputs are the synthetic probes, never a recorded face
      JsonNode golden = JSON.readTree(w.golden().toFile());
      List<String> images = new ArrayList<>();
      golden.get("vectors").forEach(v -> images.add(v.get("image").asText()));
      assertEquals(List.of("synthetic-0", "synthetic-1", "synthetic-2", "synthetic-3"), images);
      // a second save under the same name is refused and leaves the first one as it was
      byte[] kept = Files.readAllBytes(w.description());
      TrainingException again = assertThrows(TrainingException.class, () -> t.save(trained, "my-face", models));
      assertTrue(again.getMessage().startsWith("'my-face' is already one of your models ("), again.getMessage());
      assertEquals("", PersonalTraining.taken(models, "my-other-face"));
      assertArrayEquals(kept, Files.readAllBytes(w.description()));
      // and the saved files are accepted by the mirror's own loader, golden check included
      ExpressionModel saved = ExpressionOnnxLoader.load(w.description());
      try {
        assertEquals("my-face", saved.info().id());
      } finally {
        ExpressionOnnxLoader.close(saved);
      }
    }
  }

  @Test
  void smallSetsGetFewerFolds() {
    assertEquals(5, Folds.forSmallSet(5, new int[] {40, 12}));
    assertEquals(3, Folds.forSmallSet(5, new int[] {40, 3}));
    assertEquals(2, Folds.forSmallSet(5, new int[] {2, 30, 0}));
    assertThrows(IllegalArgumentException.class, () -> Folds.forSmallSet(5, new int[] {1, 30}));
  }

  @Test
  void probesAreSyntheticAndDifferFromEachOther() throws Exception {
    try (Backbone backbone = Backbone.open(ENV, GeneratedFaces.FACE_API)) {
      List<ModelExport.Crop> probes = PersonalTraining.probes(backbone);
      assertEquals(PersonalTraining.PROBES, probes.size());
      assertNotEquals(probes.get(0).features()[0], probes.get(1).features()[0]);
    }
  }
}

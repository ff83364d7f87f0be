package org.expressionmirror.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.expressionmirror.launcher.DistributionRun.Result;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code mirror eval} of the built distribution on a small labelled set cut from the face-api
 * demo photos of the models artifact: three faces with a broad smile and one with a closed-mouth,
 * neutral look (labelled by looking at them; both models' golden outputs agree).
 */
class EvalCommandIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** photo, face box x, y, w, h (the boxes of the faceapi-expression golden vectors), label folder. */
  private record Crop(String photo, int x, int y, int w, int h, String folder) {}

  private static final List<Crop> FACES =
      List.of(
          new Crop("sample1.jpg", 1450, 180, 240, 270, "happy"),
          new Crop("sample3.jpg", 1060, 200, 240, 300, "happy"),
          new Crop("sample3.jpg", 1495, 270, 200, 300, "happy"),
          new Crop("sample3.jpg", 585, 320, 200, 280, "Neutral"));

  @TempDir static Path work;

  @BeforeAll
  static void distributionIsBuilt() {
    assertTrue(DistributionRun.built(), "no distribution in " + DistributionRun.DIST);
  }

  /** Face crops grown by {@code grow} of the box on each side, as PNG in label folders. */
  private static Path dataset(String name, double grow) throws IOException {
    Path root = work.resolve(name);
    int i = 0;
    for (Crop c : FACES) {
      BufferedImage photo = ImageIO.read(DistributionRun.PHOTOS.resolve(c.photo()).toFile());
      int gx = (int) Math.round(c.w() * grow);
      int gy = (int) Math.round(c.h() * grow);
      int x = Math.max(0, c.x() - gx);
      int y = Math.max(0, c.y() - gy);
      int w = Math.min(photo.getWidth() - x, c.w() + 2 * gx);
      int h = Math.min(photo.getHeight() - y, c.h() + 2 * gy);
      Path dir = Files.createDirectories(root.resolve(c.folder()));
      ImageIO.write(photo.getSubimage(x, y, w, h), "png", dir.resolve("face" + i++ + ".png").toFile());
    }
    return root;
  }

  private static Result mirror(String... args) throws IOException, InterruptedException {
    return DistributionRun.run(work, args);
  }

  @Test
  void bothModelsReadTheLabelledFacesAndTheReportHasEveryPart() throws Exception {
    Path data = dataset("tight", 0);
    for (String model : List.of("faceapi-expression", "minixception-fer2013")) {
      Path report = work.resolve(model + ".json");
      Result run = mirror("eval", "--dataset", data.toString(), "--model", model, "--out", report.toString());
      assertEquals(0, run.exit(), run.err());
      assertTrue(run.out().contains("accuracy 100.00 % (4/4)"), run.out());
      assertTrue(run.out().contains("confusion (rows: true label, columns: predicted label)"), run.out());
      JsonNode json = JSON.readTree(report.toFile());
      assertTrue(json.get("model").asText().startsWith(model + " "), json.toString());
      assertEquals("none", json.get("detector").asText());
      assertEquals(4, json.get("images").asInt());
      assertEquals(1.0, json.get("accuracy").asDouble(), 1e-12);
      assertEquals(2, json.get("perClass").size(), "only the labels the dataset has");
      JsonNode happiness = json.get("perClass").get(0);
      assertEquals("happiness", happiness.get("label").asText());
      assertEquals(3, happiness.get("support").asInt());
      assertEquals(1.0, happiness.get("f1").asDouble(), 1e-12);
      assertEquals(8, json.get("confusion").get("columns").size(), "7 labels and no face");
      assertEquals(0, json.get("missingLabels").size());
    }
  }

  @Test
  void withADetectorEveryFaceIsFoundInLooseCrops() throws Exception {
    Result run = mirror("eval", "--dataset", dataset("loose", 0.5).toString(), "--model", "faceapi-expression", "--detector", "blazeface");
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains("detector blazeface "), run.out());
    assertTrue(run.out().contains("4 images, 4 faces"), run.out());
  }

  @Test
  void anUnknownLabelFolderIsOneLineAndExitCode2() throws Exception {
    Path data = dataset("bored", 0);
    Files.move(data.resolve("Neutral"), data.resolve("bored"));
    Result run = mirror("eval", "--dataset", data.toString());
    assertEquals(2, run.exit());
    assertTrue(run.err().contains("error: unknown label folder 'bored' in " + data), run.err());
  }

  @Test
  void anUnknownModelIsNamedWithTheAvailableOnes() throws Exception {
    Path report = work.resolve("none.json");
    Result run =
        mirror("eval", "--dataset", dataset("models", 0).toString(), "--model", "no-such-model", "--out", report.toString(), "-Dmirror.eval.waitSeconds=5");
    assertEquals(2, run.exit());
    assertTrue(run.err().contains("error: unknown model id 'no-such-model'"), run.err());
    assertTrue(run.err().contains("minixception-fer2013"), run.err());
    assertFalse(Files.exists(report));
  }

  @Test
  void aMissingDatasetFolderIsNamed() throws Exception {
    Path missing = work.resolve("nowhere");
    Result run = mirror("eval", "--dataset", missing.toString());
    assertEquals(2, run.exit());
    assertTrue(run.err().contains("error: dataset does not exist: " + missing), run.err());
  }

  @Test
  void evalHelpPrintsItsUsage() throws Exception {
    Result run = mirror("eval", "--help");
    assertEquals(0, run.exit());
    assertTrue(run.out().startsWith("usage: mirror eval --dataset DIR"), run.out());
  }
}

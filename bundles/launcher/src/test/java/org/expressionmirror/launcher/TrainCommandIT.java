package org.expressionmirror.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./mirror train} as a user runs it, beside a mirror that is already running: the new model
 * is trained on real faces (made from the shipped photos), written into the user's models folder,
 * picked up by the running program without a restart, selected by editing {@code model=} in the
 * watched configuration, and from then on every frame is read by it, with no frame lost (the
 * record's frame numbers have no gap). eval and an ensemble accept it too.
 */
class TrainCommandIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NAME = "upright";
  /** Ten real faces of the shipped photos (the models' golden boxes). */
  private static final Object[][] FACES = {
    {"sample1.jpg", 400, 340, 200, 250}, {"sample1.jpg", 820, 400, 210, 240}, {"sample1.jpg", 1450, 180, 240, 270},
    {"sample2.jpg", 1430, 160, 230, 240}, {"sample3.jpg", 585, 320, 200, 280}, {"sample3.jpg", 1060, 200, 240, 300},
    {"sample3.jpg", 1495, 270, 200, 300}, {"sample5.jpg", 770, 120, 180, 230}, {"sample5.jpg", 360, 840, 230, 300},
    {"sample5.jpg", 1410, 390, 200, 280},
  };

  @TempDir Path work;

  @BeforeAll
  static void distributionIsBuilt() {
    assertTrue(DistributionRun.built(), "no distribution in " + DistributionRun.DIST);
  }

  @Test
  void aTrainedModelIsPickedUpByARunningMirrorAndReadsEveryFrameFromTheSwitchOn() throws Exception {
    Path faces = uprightAndUpsideDownFaces(work.resolve("faces"), true);
    Path config = Files.createDirectories(work.resolve("config"));
    try (Stream<Path> files = Files.list(DistributionRun.CONFIG)) {
      for (Path f : files.toList()) {
        Files.copy(f, config.resolve(f.getFileName()));
      }
    }
    Path clip = work.resolve("face.avi");
    // three minutes at 2 frames a second, read at its pace like a camera: the program runs while
    // training goes on
    List<byte[]> frames = faceFrames(DistributionRun.PHOTOS.resolve("sample1.jpg"), 360);
    MjpegAvi.write(clip, frames, 320, 320, 2, frames.size());
    Path record = work.resolve("run.jsonl");
    Path partial = work.resolve("run.jsonl.partial");
    DistributionRun.Started mirror =
        DistributionRun.start(
            work,
            Map.of("DISPLAY", "", "WAYLAND_DISPLAY", ""),
            "--headless", "--source", clip.toString(), "--realtime", "--config", config.toString(), "--out", record.toString());
    List<String> lines;
    int linesWhenTrained;
    try {
      DistributionRun.awaitRecording(mirror, partial, 90);

      DistributionRun.Result train =
          DistributionRun.run(work, "train", "--dataset", faces.toString(), "--name", NAME, "--report", work.resolve("report.json").toString());
      assertEquals(0, train.exit(), train.out() + train.err());
      linesWhenTrained = Files.readAllLines(partial).size();
      assertTrue(train.out().contains("5-fold cross-validation (grouped by subject):"), train.out());
      assertTrue(train.err().contains("features [##############################] 80/80"), train.err());
      Matcher mean = Pattern.compile("mean: accuracy ([0-9.]+) %").matcher(train.out());
      assertTrue(mean.find(), train.out());
      // stated: upright against upside-down faces of people the fold never trained on
      assertTrue(Double.parseDouble(mean.group(1)) >= 90, train.out());
      Path models = DistributionRun.userData(work).resolve("models");
      for (String file : List.of(NAME + ".onnx", NAME + ".golden.json", NAME + ".json")) {
        assertTrue(Files.isRegularFile(models.resolve(file)), file + " in " + models);
      }
      JsonNode report = JSON.readTree(work.resolve("report.json").toFile());
      assertTrue(report.get("exportMaxDifference").asDouble() <= 1e-5, report.toString());
      assertEquals(5, report.get("perFold").size());

      // the running program: select the new model where a user would, in the watched file
      Path pipeline = config.resolve("mirror.pipeline.cfg");
      Files.writeString(pipeline, Files.readString(pipeline).replace("model=faceapi-expression", "model=" + NAME));
      awaitModel(mirror, partial, NAME + "@", 60);
      awaitLines(mirror, partial, 10);
      mirror.process().destroy();
      assertTrue(mirror.process().waitFor(30, TimeUnit.SECONDS), "the program did not stop on SIGTERM");
    } finally {
      mirror.process().destroyForcibly();
    }
    lines = Files.readAllLines(partial);
    assertTrue(lines.get(lines.size() - 1).startsWith("{\"end\":\"interrupted\""), lines.get(lines.size() - 1));
    List<JsonNode> records = new ArrayList<>();
    for (String line : lines.subList(0, lines.size() - 1)) {
      records.add(JSON.readTree(line));
    }
    int switched = -1;
    for (int i = 0; i < records.size(); i++) {
      JsonNode r = records.get(i);
      if (i > linesWhenTrained) {
        // paced like a camera, a run may skip a frame when it falls behind (at start-up on a
        // busy machine); from the model's arrival on, through the switch, none may be lost
        assertEquals(records.get(i - 1).get("frame").asInt() + 1, r.get("frame").asInt(), "frame after " + records.get(i - 1));
      }
      boolean trained = r.get("model").asText().startsWith(NAME + "@");
      if (switched < 0 && trained) {
        switched = i;
      }
      if (switched >= 0) {
        assertTrue(trained, "frame " + i + " after the switch read by " + r.get("model"));
        for (JsonNode face : r.get("faces")) {
          if (!face.get("scores").isNull()) {
            Set<String> labels = new TreeSet<>();
            face.get("scores").fieldNames().forEachRemaining(labels::add);
            assertEquals(Set.of("neutral", "surprise"), labels);
          }
        }
      } else {
        assertTrue(r.get("model").asText().startsWith("faceapi-expression@"), r.toString());
      }
    }
    assertTrue(switched > 0, "the run started with the shipped model and switched to " + NAME);
    long read = records.subList(switched, records.size()).stream().filter(r -> r.get("faces").size() > 0).count();
    assertTrue(read * 2 >= records.size() - switched, "the face was found in most frames after the switch: " + read);
  }

  @Test
  void evalAndAnEnsembleTakeTheTrainedModel() throws Exception {
    // flat label folders, as eval reads them; subjects.csv says who is who
    Path faces = uprightAndUpsideDownFaces(work.resolve("faces"), false);
    Path home = work.resolve("home2");
    DistributionRun.Result train =
        DistributionRun.run(work, "train", "--dataset", faces.toString(), "--name", NAME, "--folds", "2", "--home", home.toString());
    assertEquals(0, train.exit(), train.out() + train.err());
    assertTrue(train.out().contains("2-fold cross-validation (grouped by subject):"), train.out());

    DistributionRun.Result eval =
        DistributionRun.run(work, "eval", "--dataset", faces.toString(), "--model", NAME, "--home", home.toString());
    assertEquals(0, eval.exit(), eval.out() + eval.err());
    assertTrue(eval.out().contains("evaluation of " + NAME + " "), eval.out());
    Matcher accuracy = Pattern.compile("accuracy ([0-9.]+) %").matcher(eval.out());
    assertTrue(accuracy.find(), eval.out());
    // scored on its own training images: the head must have learnt them
    assertTrue(Double.parseDouble(accuracy.group(1)) >= 95, eval.out());

    Path config = Files.createDirectories(work.resolve("config2"));
    try (Stream<Path> files = Files.list(DistributionRun.CONFIG)) {
      for (Path f : files.toList()) {
        Files.copy(f, config.resolve(f.getFileName()));
      }
    }
    Files.writeString(config.resolve("mirror.ensemble-mix.cfg"), "id=mix\nmembers=" + NAME + ",faceapi-expression\nweights=\n");
    Path pipeline = config.resolve("mirror.pipeline.cfg");
    Files.writeString(pipeline, Files.readString(pipeline).replace("model=faceapi-expression", "model=mix"));
    Path out = work.resolve("mix.jsonl");
    DistributionRun.Result run =
        DistributionRun.run(
            work, "--headless", "--source", DistributionRun.PHOTOS.resolve("sample1.jpg").toString(), "--config", config.toString(),
            "--home", home.toString(), "--out", out.toString());
    assertEquals(0, run.exit(), run.err());
    JsonNode first = JSON.readTree(Files.readAllLines(out).get(0));
    assertTrue(first.get("model").asText().startsWith("mix@"), first.toString());
    Set<String> labels = new TreeSet<>();
    first.get("faces").get(0).get("scores").fieldNames().forEachRemaining(labels::add);
    // the union of both members' labels
    assertEquals(Set.of("anger", "disgust", "fear", "happiness", "neutral", "sadness", "surprise"), labels);
  }

  @Test
  void mirrorTrainsOnMirrorImagesAndWritesAModelWithTheMirrorPassThatEvalRuns() throws Exception {
    Path faces = uprightAndUpsideDownFaces(work.resolve("faces5"), false);
    Path home = work.resolve("home5");
    DistributionRun.Result train =
        DistributionRun.run(work, "train", "--dataset", faces.toString(), "--name", "mirrored", "--folds", "2", "--mirror", "--home", home.toString());
    assertEquals(0, train.exit(), train.out() + train.err());
    assertTrue(train.out().contains("mirror: each face's mirror image trained on; scores and the model average over both"), train.out());
    Path models = home.resolve("models");
    JsonNode description = JSON.readTree(models.resolve("mirrored.json").toFile());
    assertTrue(description.at("/source/trainer/mirror").asBoolean(), description.toString());
    String graph = new String(Files.readAllBytes(models.resolve("mirrored.onnx")), java.nio.charset.StandardCharsets.ISO_8859_1);
    assertTrue(graph.contains("ReduceMean") && graph.contains("mirror/slice"), "no mirror pass in the written graph");
    // the mirror features have a cache file of their own beside the plain ones
    try (Stream<Path> cache = Files.list(home.resolve("cache"))) {
      assertEquals(2, cache.filter(f -> f.getFileName().toString().startsWith("features-")).count());
    }
    DistributionRun.Result eval =
        DistributionRun.run(work, "eval", "--dataset", faces.toString(), "--model", "mirrored", "--home", home.toString());
    assertEquals(0, eval.exit(), eval.out() + eval.err());
    Matcher accuracy = Pattern.compile("accuracy ([0-9.]+) %").matcher(eval.out());
    assertTrue(accuracy.find(), eval.out());
    assertTrue(Double.parseDouble(accuracy.group(1)) >= 95, eval.out());
  }

  @Test
  void blendReachesTheTrainerAndWritesABlendedModelThatEvalRuns() throws Exception {
    Path faces = uprightAndUpsideDownFaces(work.resolve("faces6"), false);
    Path home = work.resolve("home6");
    DistributionRun.Result train =
        DistributionRun.run(work, "train", "--dataset", faces.toString(), "--name", "blended", "--folds", "2", "--blend", "0.8", "--home", home.toString());
    assertEquals(0, train.exit(), train.out() + train.err());
    assertTrue(train.out().contains("blend: head weight 0.80, fixed by --blend; cross-validation scores each fold's head blended with weight 0.80"), train.out());
    Path models = home.resolve("models");
    JsonNode description = JSON.readTree(models.resolve("blended.json").toFile());
    assertEquals(0.8, description.at("/source/blend/weight").asDouble(), description.toString());
    String graph = new String(Files.readAllBytes(models.resolve("blended.onnx")), java.nio.charset.StandardCharsets.ISO_8859_1);
    assertTrue(graph.contains("blend/weight") && graph.contains("MatMul"), "no blend in the written graph");
    DistributionRun.Result eval =
        DistributionRun.run(work, "eval", "--dataset", faces.toString(), "--model", "blended", "--home", home.toString());
    assertEquals(0, eval.exit(), eval.out() + eval.err());
    Matcher accuracy = Pattern.compile("accuracy ([0-9.]+) %").matcher(eval.out());
    assertTrue(accuracy.find(), eval.out());
    assertTrue(Double.parseDouble(accuracy.group(1)) >= 90, eval.out());
  }

  @Test
  void ferPlusVotesAreLabelledByFerPlusMajorityRuleUnlessThePluralityIsAskedFor() throws Exception {
    // the faces as a FER+ split: one folder of images and a label.csv of ten votes per image
    Path faces = uprightAndUpsideDownFaces(work.resolve("faces3"), false);
    Path split = Files.createDirectories(work.resolve("ferplus"));
    StringBuilder csv = new StringBuilder();
    int n = 0;
    // votes: neutral, happiness, surprise, sadness, anger, disgust, fear, contempt, unknown, NF
    for (String label : List.of("neutral", "surprise")) {
      try (Stream<Path> images = Files.list(faces.resolve(label))) {
        for (Path image : images.sorted().toList()) {
          String name = String.format(java.util.Locale.ROOT, "fer%07d.png", n++);
          Files.copy(image, split.resolve(name));
          // the first neutral image: 4 of 9 votes, the most but not more than half
          String votes = n == 1 ? "4,0,3,0,2,0,0,0,0,0" : label.equals("neutral") ? "8,0,1,0,0,0,0,0,1,0" : "0,0,7,0,0,0,2,0,1,0";
          csv.append(name).append(",\"(0, 0, 48, 48)\",").append(votes).append('\n');
        }
      }
    }
    Files.writeString(split.resolve("label.csv"), csv.toString());
    Path home = work.resolve("home3");
    Path report = work.resolve("ferplus-report.json");
    DistributionRun.Result byFerPlus =
        DistributionRun.run(work, "train", "--dataset", split.toString(), "--name", "votes", "--folds", "2", "--home", home.toString(),
            "--report", report.toString());
    assertEquals(0, byFerPlus.exit(), byFerPlus.out() + byFerPlus.err());
    JsonNode json = JSON.readTree(report.toFile()).get("crossValidation");
    assertEquals("ferplus", json.get("labelRule").asText());
    assertEquals(n - 1, json.get("images").asInt());
    assertEquals("no majority: neutral 4 of 9", json.get("leftOutImages").get(0).get("reason").asText());
    JsonNode dataset = JSON.readTree(home.resolve("models/votes.json").toFile()).get("source").get("dataset");
    assertEquals("ferplus", dataset.get("labelRule").asText(), dataset.toString());

    DistributionRun.Result byPlurality =
        DistributionRun.run(work, "train", "--dataset", split.toString(), "--name", "votes2", "--folds", "2", "--home", home.toString(),
            "--label-rule", "plurality", "--report", report.toString());
    assertEquals(0, byPlurality.exit(), byPlurality.out() + byPlurality.err());
    json = JSON.readTree(report.toFile()).get("crossValidation");
    assertEquals("plurality", json.get("labelRule").asText());
    assertEquals(n, json.get("images").asInt());

    DistributionRun.Result bad =
        DistributionRun.run(work, "train", "--dataset", split.toString(), "--name", "votes3", "--home", home.toString(),
            "-Dmirror.train.labelRule=majority");
    assertEquals(2, bad.exit(), bad.out() + bad.err());
    assertTrue(bad.err().contains("mirror.train.labelRule = 'majority' is not a label rule (ferplus or plurality)"), bad.err());
  }

  @Test
  void namesAndReportPathsThatCannotWorkAreRefusedBeforeAnythingIsWritten() throws Exception {
    Path faces = uprightAndUpsideDownFaces(work.resolve("faces4"), false);
    Path home = work.resolve("home4");
    // a FIFO stands for a device: the report's final rename would replace it (as root, /dev/null)
    Path fifo = work.resolve("report.fifo");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    DistributionRun.Result report =
        DistributionRun.run(work, "train", "--dataset", faces.toString(), "--name", "r", "--folds", "2", "--home", home.toString(),
            "--report", fifo.toString());
    assertEquals(2, report.exit(), report.out() + report.err());
    assertTrue(report.err().contains("report file " + fifo + " exists and is not a regular file"), report.err());
    assertTrue(Files.exists(fifo) && !Files.isRegularFile(fifo), "the FIFO was replaced");
    DistributionRun.Result folder =
        DistributionRun.run(work, "train", "--dataset", faces.toString(), "--name", "r", "--home", home.toString(), "--report", work.toString());
    assertEquals(2, folder.exit(), folder.out() + folder.err());
    assertTrue(folder.err().contains("report file names a folder: " + work), folder.err());
    for (String[] taken : new String[][] {{"ensemble", "is the id of a model the program already has that is not a model file"},
        {"personal", "is Teach mode's model in memory"}}) {
      DistributionRun.Result r =
          DistributionRun.run(work, "train", "--dataset", faces.toString(), "--name", taken[0], "--home", home.toString());
      assertEquals(2, r.exit(), r.out() + r.err());
      assertTrue(r.err().contains("--name " + taken[0] + " " + taken[1]), r.err());
    }
    // nothing was written: no model, no temporary report beside the folder
    assertTrue(!Files.exists(home.resolve("models")) || Files.list(home.resolve("models")).findAny().isEmpty(), "a model was written");
    try (Stream<Path> left = Files.list(work)) {
      assertEquals(List.of(), left.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList());
    }
  }

  /**
   * {@code neutral/personN/cropV.png} (upright) and {@code surprise/personN/cropV.png} (the same
   * crop upside down): ten people, four crops each (shifted, widened); or, flat, {@code
   * neutral/personN-cropV.png} with a {@code subjects.csv}. Which label is which is arbitrary; the
   * backbone must see the difference in real pixels.
   */
  static Path uprightAndUpsideDownFaces(Path dir, boolean subjectFolders) throws IOException {
    StringBuilder subjects = new StringBuilder("image,subject\n");
    int[][] variants = {{0, 0, 0}, {-8, 0, 0}, {8, 5, 0}, {0, -5, 12}};
    for (int f = 0; f < FACES.length; f++) {
      BufferedImage photo = ImageIO.read(DistributionRun.PHOTOS.resolve((String) FACES[f][0]).toFile());
      int x = (int) FACES[f][1];
      int y = (int) FACES[f][2];
      int w = (int) FACES[f][3];
      int h = (int) FACES[f][4];
      for (int v = 0; v < variants.length; v++) {
        int grow = w * variants[v][2] / 100;
        BufferedImage crop =
            copy(photo.getSubimage(x + w * variants[v][0] / 100 - grow, y + h * variants[v][1] / 100 - grow, w + 2 * grow, h + 2 * grow), false);
        String name = "person" + f + (subjectFolders ? "/" : "-") + "crop" + v + ".png";
        write(dir.resolve("neutral/" + name), crop);
        write(dir.resolve("surprise/" + name), copy(crop, true));
        subjects.append("neutral/").append(name).append(",person").append(f).append('\n');
        subjects.append("surprise/").append(name).append(",person").append(f).append('\n');
      }
    }
    if (!subjectFolders) {
      Files.writeString(dir.resolve("subjects.csv"), subjects.toString());
    }
    return dir;
  }

  /** JPEG frames 320x320 around the first face of a photo, panned a few pixels back and forth. */
  private static List<byte[]> faceFrames(Path photo, int n) throws IOException {
    BufferedImage source = ImageIO.read(photo.toFile());
    List<byte[]> frames = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int shift = 4 * Math.abs(i % 10 - 5);
      BufferedImage region = source.getSubimage(300 + shift, 250, 400, 400);
      BufferedImage frame = new BufferedImage(320, 320, BufferedImage.TYPE_3BYTE_BGR);
      java.awt.Graphics2D g = frame.createGraphics();
      g.drawImage(region, 0, 0, 320, 320, null);
      g.dispose();
      ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
      ImageIO.write(frame, "jpg", jpeg);
      frames.add(jpeg.toByteArray());
    }
    return frames;
  }

  /** A plain RGB copy, turned by 180 degrees when asked. */
  private static BufferedImage copy(BufferedImage image, boolean upsideDown) {
    int w = image.getWidth();
    int h = image.getHeight();
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int rgb = image.getRGB(x, y);
        if (upsideDown) {
          out.setRGB(w - 1 - x, h - 1 - y, rgb);
        } else {
          out.setRGB(x, y, rgb);
        }
      }
    }
    return out;
  }

  private static void write(Path file, BufferedImage image) throws IOException {
    Files.createDirectories(file.getParent());
    ImageIO.write(image, "png", file.toFile());
  }

  /** Waits until a record line names the model. */
  private static void awaitModel(DistributionRun.Started run, Path partial, String model, long seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!Files.readString(partial).contains("\"model\":\"" + model)) {
      assertTrue(run.process().isAlive(), "ended by itself: " + Files.readString(run.err()));
      assertTrue(System.nanoTime() < deadline, "no frame read by " + model + " within " + seconds + " s: " + Files.readString(run.err()));
      Thread.sleep(200);
    }
  }

  /** Waits for {@code more} further record lines. */
  private static void awaitLines(DistributionRun.Started run, Path partial, int more) throws Exception {
    long target = Files.readAllLines(partial).size() + more;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (Files.readAllLines(partial).size() < target) {
      assertTrue(run.process().isAlive(), "ended by itself: " + Files.readString(run.err()));
      assertTrue(System.nanoTime() < deadline, "frames stopped: " + Files.readString(run.err()));
      Thread.sleep(200);
    }
  }
}

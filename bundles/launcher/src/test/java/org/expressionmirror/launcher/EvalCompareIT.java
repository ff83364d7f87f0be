package org.expressionmirror.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.imageio.ImageIO;
import org.expressionmirror.launcher.DistributionRun.Result;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mirror eval --compare} and the sharpened eval of the built distribution, on ten faces cut
 * from the face-api demo photos of the models artifact (the boxes of both models' golden vectors,
 * labelled by looking at them). The McNemar figures of the report are checked against a
 * computation of this test's own from the report's per-image predictions.
 */
class EvalCompareIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String A = "faceapi-expression";
  private static final String B = "minixception-fer2013";

  /** photo, face box x, y, w, h, label folder, file name. */
  private record Crop(String photo, int x, int y, int w, int h, String folder, String file) {}

  private static final List<Crop> FACES =
      List.of(
          new Crop("sample1.jpg", 400, 340, 200, 250, "happy", "clown.png"),
          new Crop("sample1.jpg", 820, 400, 210, 240, "normal", "down.png"),
          new Crop("sample1.jpg", 1450, 180, 240, 270, "happy", "laugh.png"),
          new Crop("sample2.jpg", 1430, 160, 230, 240, "normal", "down2.png"),
          new Crop("sample3.jpg", 585, 320, 200, 280, "normal", "pout.png"),
          new Crop("sample3.jpg", 1060, 200, 240, 300, "happy", "smile.png"),
          new Crop("sample3.jpg", 1495, 270, 200, 300, "happy", "broad.png"),
          new Crop("sample5.jpg", 770, 120, 180, 230, "normal", "frontal.gif"),
          new Crop("sample5.jpg", 360, 840, 230, 300, "surprised", "open.png"),
          new Crop("sample5.jpg", 1410, 390, 200, 280, "happy", "half.png"));

  @TempDir static Path work;

  @BeforeAll
  static void distributionIsBuilt() {
    assertTrue(DistributionRun.built(), "no distribution in " + DistributionRun.DIST);
  }

  private static BufferedImage crop(Crop c, double grow) throws IOException {
    BufferedImage photo = ImageIO.read(DistributionRun.PHOTOS.resolve(c.photo()).toFile());
    int gx = (int) Math.round(c.w() * grow);
    int gy = (int) Math.round(c.h() * grow);
    int x = Math.max(0, c.x() - gx);
    int y = Math.max(0, c.y() - gy);
    int w = Math.min(photo.getWidth() - x, c.w() + 2 * gx);
    int h = Math.min(photo.getHeight() - y, c.h() + 2 * gy);
    // a copy in plain RGB: the GIF writer and every reader take it
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    out.getGraphics().drawImage(photo.getSubimage(x, y, w, h), 0, 0, null);
    return out;
  }

  /** The faces in label folders, each in the format its file name says (one is a GIF). */
  private static Path folders(String name, double grow) throws IOException {
    Path root = work.resolve(name);
    for (Crop c : FACES) {
      Path dir = Files.createDirectories(root.resolve(c.folder()));
      String format = c.file().substring(c.file().lastIndexOf('.') + 1);
      assertTrue(ImageIO.write(crop(c, grow), format, dir.resolve(c.file()).toFile()), c.file());
    }
    return root;
  }

  private static Result mirror(String... args) throws IOException, InterruptedException {
    return DistributionRun.run(work, args);
  }

  @Test
  void compareReportsBothModelsAndMcNemarAsComputedFromThePredictions() throws Exception {
    Path data = folders("compare", 0);
    Path report = work.resolve("compare.json");
    Instant before = Instant.now();
    Result run = mirror("eval", "--dataset", data.toString(), "--model", A, "--compare", B, "--out", report.toString());
    Instant after = Instant.now();
    assertEquals(0, run.exit(), run.err());
    JsonNode json = JSON.readTree(report.toFile());
    JsonNode other = json.get("compare");
    assertTrue(json.get("model").asText().startsWith(A + " "), json.get("model").asText());
    assertTrue(other.get("model").asText().startsWith(B + " "), other.get("model").asText());

    // rows only for the dataset's labels ("normal" is neutral); columns for all a model may say
    assertEquals(List.of("happiness", "neutral", "surprise"), texts(json.get("labels")));
    assertEquals(List.of("happiness", "neutral", "surprise"), texts(json.get("confusion").get("rows")));
    assertEquals(3, json.get("perClass").size());
    assertEquals(8, json.get("confusion").get("columns").size(), "7 labels and no face");

    // run facts
    Instant started = Instant.parse(json.get("timestamp").asText());
    assertFalse(started.isBefore(before.minusSeconds(1)) || started.isAfter(after), started.toString());
    double wall = json.get("wallSeconds").asDouble();
    assertTrue(wall > 0, "wall time " + wall);
    assertEquals(10 / wall, json.get("imagesPerSecond").asDouble(), 1e-6 * (10 / wall));
    assertTrue(run.out().contains(String.format(Locale.ROOT, "wall time %.2f s", wall)), run.out());

    // per-image predictions, the GIF among them
    List<JsonNode> pa = list(json.get("predictions"));
    List<JsonNode> pb = list(other.get("predictions"));
    assertEquals(10, pa.size());
    assertEquals(10, pb.size());
    for (JsonNode p : pa) {
      assertNotNull(p.get("predicted").textValue(), "without a detector every image is a face: " + p);
      double prob = p.get("probability").asDouble();
      assertTrue(prob > 1.0 / 7 && prob <= 1.0, p.toString());
    }
    assertTrue(pa.stream().anyMatch(p -> p.get("image").asText().equals("normal/frontal.gif") && p.get("truth").asText().equals("neutral")), pa.toString());

    // the comparison, recomputed from the predictions
    long agree = 0;
    long b = 0;
    long c = 0;
    long rightA = 0;
    long rightB = 0;
    List<String> discordant = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      JsonNode x = pa.get(i);
      JsonNode y = pb.get(i);
      assertEquals(x.get("image"), y.get("image"), "same images in the same order");
      boolean okA = x.get("truth").equals(x.get("predicted"));
      boolean okB = y.get("truth").equals(y.get("predicted"));
      rightA += okA ? 1 : 0;
      rightB += okB ? 1 : 0;
      agree += Objects.equals(x.get("predicted"), y.get("predicted")) ? 1 : 0;
      if (okA != okB) {
        b += okA ? 1 : 0;
        c += okB ? 1 : 0;
        discordant.add(x.get("image").asText() + " " + x.get("predicted").asText() + " " + y.get("predicted").asText());
      }
    }
    JsonNode cmp = json.get("comparison");
    assertEquals(rightA / 10.0, cmp.get("accuracy").asDouble(), 1e-12);
    assertEquals(rightB / 10.0, cmp.get("compareAccuracy").asDouble(), 1e-12);
    assertEquals(rightA / 10.0, json.get("accuracy").asDouble(), 1e-12);
    assertEquals(rightB / 10.0, other.get("accuracy").asDouble(), 1e-12);
    assertEquals(agree, cmp.get("agree").asLong());
    assertEquals(agree / 10.0, cmp.get("agreement").asDouble(), 1e-12);
    assertEquals(b, cmp.get("onlyModelRight").asLong());
    assertEquals(c, cmp.get("onlyCompareRight").asLong());
    assertTrue(b + c > 0, "the clown's slight smile divides the two models (their golden outputs)");
    List<String> listed = new ArrayList<>();
    for (JsonNode d : cmp.get("discordant")) {
      listed.add(d.get("image").asText() + " " + d.get("model").asText() + " " + d.get("compare").asText());
    }
    assertEquals(discordant, listed);

    JsonNode m = cmp.get("mcnemar");
    assertEquals(b, m.get("b").asLong());
    assertEquals(c, m.get("c").asLong());
    assertEquals(exactP(b, c), m.get("exactP").asDouble(), 1e-12);
    double corrected = Math.max(0, Math.abs(b - c) - 1);
    assertEquals(corrected * corrected / (b + c), m.get("chiSquare").asDouble(), 1e-12);
    assertEquals("exact binomial", m.get("test").asText());
    assertTrue(
        run.out().contains(
            String.format(Locale.ROOT, "McNemar's test (exact binomial, two-sided): b=%d, c=%d, p = %.4g", b, c, exactP(b, c))),
        run.out());
    assertTrue(run.out().contains(String.format(Locale.ROOT, "agreement %.2f %% (%d/10 same predicted label)", agree * 10.0, agree)), run.out());
  }

  /** Two-sided exact binomial p: 2 * sum_{k <= min(b,c)} C(n,k) / 2^n, at most 1, in exact arithmetic. */
  private static double exactP(long b, long c) {
    int n = (int) (b + c);
    BigInteger sum = BigInteger.ZERO;
    BigInteger choose = BigInteger.ONE;
    for (int k = 0; k <= Math.min(b, c); k++) {
      sum = sum.add(choose);
      choose = choose.multiply(BigInteger.valueOf(n - k)).divide(BigInteger.valueOf(k + 1));
    }
    BigDecimal p = new BigDecimal(sum.shiftLeft(1)).divide(new BigDecimal(BigInteger.ONE.shiftLeft(n)), MathContext.DECIMAL64);
    return Math.min(1.0, p.doubleValue());
  }

  @Test
  void aFerPlusLabelFileIsMeasuredWithoutReLayingOutTheFolder() throws Exception {
    Path root = Files.createDirectories(work.resolve("ferplus"));
    // votes: neutral, happiness, surprise, sadness, anger, disgust, fear, contempt, unknown, NF
    String[] votes = {
      "0,9,0,0,0,0,0,0,1,0", // clown: happiness
      "6,0,0,2,0,0,0,0,2,0", // down: neutral
      "0,10,0,0,0,0,0,0,0,0", // laugh: happiness
      "4,0,0,4,0,0,0,0,2,0", // down2: no FERPlus majority (a tie by the plurality), left out
      "1,0,0,0,0,0,0,0,0,9", // pout: most votes NF, left out
      "2,2,0,0,0,0,0,6,0,0", // smile: contempt, which neither model has
    };
    StringBuilder csv = new StringBuilder();
    for (int i = 0; i < votes.length; i++) {
      String name = String.format(Locale.ROOT, "fer%07d.png", i);
      ImageIO.write(crop(FACES.get(i), 0), "png", root.resolve(name).toFile());
      csv.append(name).append(",\"(0, 0, 48, 48)\",").append(votes[i]).append('\n');
    }
    Files.writeString(root.resolve("label.csv"), csv);

    Path report = work.resolve("ferplus.json");
    Result run = mirror("eval", "--dataset", root.toString(), "--model", A, "--skip-unknown-labels", "--out", report.toString());
    assertEquals(0, run.exit(), run.err());
    JsonNode json = JSON.readTree(report.toFile());
    assertEquals(3, json.get("images").asInt());
    assertEquals(List.of("happiness", "neutral"), texts(json.get("labels")));
    assertEquals("ferplus", json.get("labelRule").asText());
    assertEquals(2, json.get("leftOut").asInt());
    assertEquals("fer0000003.png", json.get("leftOutImages").get(0).get("image").asText());
    assertEquals("no majority: neutral and sadness 4 of 10 each", json.get("leftOutImages").get(0).get("reason").asText());
    assertEquals("most votes: NF", json.get("leftOutImages").get(1).get("reason").asText());
    JsonNode skipped = json.get("skippedLabels").get(0);
    assertEquals("contempt", skipped.get("label").asText());
    assertEquals(1, skipped.get("images").asInt());
    assertEquals("model " + A + " has no 'contempt'", skipped.get("reason").asText());
    assertTrue(run.out().contains("skipped label 'contempt' (1 image): model " + A + " has no 'contempt'"), run.out());
    assertTrue(run.out().contains("labels from FER+ votes by the ferplus rule"), run.out());
    assertTrue(
        run.out().contains("2 images without a label by that rule left out (not scored): fer0000003.png (no majority: neutral and sadness 4 of 10 each)"),
        run.out());
    Result plurality = mirror("eval", "--dataset", root.toString(), "--model", A, "--skip-unknown-labels", "--label-rule", "plurality");
    assertEquals(0, plurality.exit(), plurality.err());
    assertTrue(plurality.out().contains("fer0000003.png (tie: neutral, sadness)"), plurality.out());

    // without the switch the contempt image is scored and cannot be right
    Result counted = mirror("eval", "--dataset", root.resolve("label.csv").toString(), "--model", A);
    assertEquals(0, counted.exit(), counted.err());
    assertTrue(counted.out().contains("model has no 'contempt': 1 images cannot be right"), counted.out());
    assertTrue(counted.out().contains(" 4 images, 4 faces"), counted.out());
  }

  @Test
  void aReportPathThatIsADeviceOrFifoIsRefusedAndLeftAsItIs() throws Exception {
    Path data = folders("fifo", 0.5);
    Path fifo = work.resolve("eval.fifo");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    Result run = mirror("eval", "--dataset", data.toString(), "--model", A, "--out", fifo.toString());
    assertEquals(2, run.exit(), run.out() + run.err());
    assertTrue(run.err().contains("report file " + fifo + " exists and is not a regular file"), run.err());
    assertTrue(Files.exists(fifo) && !Files.isRegularFile(fifo), "the FIFO was replaced");
  }

  @Test
  void unknownFoldersAreSkippedOnRequestAndTheDetectorsSettingsAreReported() throws Exception {
    Path data = folders("loose", 0.5);
    Files.createDirectories(data.resolve("bored"));
    ImageIO.write(crop(FACES.get(0), 0.5), "png", data.resolve("bored").resolve("x.png").toFile());
    Path report = work.resolve("loose.json");
    Result run = mirror("eval", "--dataset", data.toString(), "--detector", "haar", "--skip-unknown-labels", "--out", report.toString());
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains("skipped folder 'bored' (1 image): 'bored' is not a known label"), run.out());
    JsonNode json = JSON.readTree(report.toFile());
    assertEquals(10, json.get("images").asInt());
    assertTrue(json.get("skippedLabels").get(0).get("label").isNull());
    // the shipped runtime-config/mirror.detector.haar.cfg
    JsonNode settings = json.get("detectorSettings");
    assertEquals("1.3", settings.get("scaleFactor").asText(), settings.toString());
    assertEquals("5", settings.get("minNeighbors").asText(), settings.toString());
    assertFalse(settings.has("service.id") || settings.has("component.name") || settings.has("felix.fileinstall.filename"), settings.toString());
    assertTrue(json.get("detector").asText().startsWith("haar "), json.toString());
  }

  @Test
  void anUnknownModelToCompareWithIsNamed() throws Exception {
    Result run =
        mirror("eval", "--dataset", folders("unknown", 0).toString(), "--compare", "no-such-model", "-Dmirror.eval.waitSeconds=5");
    assertEquals(2, run.exit());
    assertTrue(run.err().contains("error: unknown model id 'no-such-model'"), run.err());
  }

  private static List<JsonNode> list(JsonNode array) {
    List<JsonNode> l = new ArrayList<>();
    array.forEach(l::add);
    return l;
  }

  private static List<String> texts(JsonNode array) {
    return list(array).stream().map(JsonNode::asText).toList();
  }
}

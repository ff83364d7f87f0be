package org.expressionmirror.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.expressionmirror.launcher.DistributionRun.Result;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sources read to the end or say why not, through the built distribution: a folder with a corrupt
 * image, an emoji-named image and a subfolder; an emoji-named Motion-JPEG AVI; an AVI that holds
 * fewer frames than its header declares; an eval over a dataset with a corrupt image.
 */
class SourcesIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SMILE = "smile 😀.jpg";

  @TempDir static Path work;

  @BeforeAll
  static void distributionIsBuilt() {
    assertTrue(DistributionRun.built(), "no distribution in " + DistributionRun.DIST);
  }

  private static Result mirror(String... args) throws IOException, InterruptedException {
    return DistributionRun.run(work, args);
  }

  /**
   * {@code fotos 😀/}: broken.jpg (text), sample1.jpg, smile 😀.jpg (sample3: three faces), and
   * sub/sample4.jpg.
   */
  private static Path folder(String name) throws IOException {
    Path folder = Files.createDirectories(work.resolve(name).resolve("fotos 😀"));
    copy("sample1.jpg", folder.resolve("sample1.jpg"));
    copy("sample3.jpg", folder.resolve(SMILE));
    Files.writeString(folder.resolve("broken.jpg"), "this is no jpeg");
    copy("sample4.jpg", Files.createDirectories(folder.resolve("sub")).resolve("sample4.jpg"));
    return folder;
  }

  private static void copy(String photo, Path to) throws IOException {
    Files.copy(DistributionRun.PHOTOS.resolve(photo), to, StandardCopyOption.REPLACE_EXISTING);
  }

  private static List<JsonNode> records(Path out) throws IOException {
    List<JsonNode> records = new ArrayList<>();
    for (String line : Files.readAllLines(out)) {
      JsonNode record = JSON.readTree(line);
      if (record.has("frame")) { // frame lines only, whatever else a record may end with
        records.add(record);
      }
    }
    return records;
  }

  @Test
  void aRecursiveFolderRunSkipsTheCorruptImageByNameAndNamesEveryImageInItsRecord()
      throws Exception {
    Path folder = folder("recursive");
    Path out = work.resolve("recursive.jsonl");
    Result run = mirror("--headless", "--source", folder.toString(), "--recursive", "--out", out.toString());
    assertEquals(0, run.exit(), run.err());
    List<JsonNode> records = records(out);
    assertEquals(
        List.of("sample1.jpg", SMILE, "sub/sample4.jpg"),
        records.stream().map(r -> r.get("image").asText()).toList());
    assertEquals(List.of(0, 1, 2), records.stream().map(r -> r.get("frame").asInt()).toList());
    assertEquals(3, records.get(1).get("faces").size(), "the emoji-named photo was read: " + records.get(1));
    assertEquals(1, count(run.err(), "broken.jpg"), run.err());
    assertTrue(
        run.err().contains("cannot decode image: " + folder.resolve("broken.jpg") + "; skipped"),
        run.err());
    assertTrue(run.out().contains(": 3 frames, "), run.out());
    assertTrue(run.out().contains(", 1 unreadable image skipped"), run.out());
  }

  @Test
  void withoutRecursiveTheSubfolderIsNotRead() throws Exception {
    Path out = work.resolve("flat.jsonl");
    Result run = mirror("--headless", "--source", folder("flat").toString(), "--out", out.toString());
    assertEquals(0, run.exit(), run.err());
    assertEquals(
        List.of("sample1.jpg", SMILE), records(out).stream().map(r -> r.get("image").asText()).toList());
    assertTrue(run.out().contains(": 2 frames, "), run.out());
    assertTrue(run.out().contains(", 1 unreadable image skipped"), run.out());
  }

  @Test
  void recursiveOnAFileIsRefusedInOneLine() throws Exception {
    Path image = folder("single").resolve(SMILE);
    Result run = mirror("--headless", "--source", image.toString(), "--recursive");
    assertEquals(2, run.exit());
    assertEquals(
        "error: --recursive reads a folder, but the source is not one: " + image, run.err().strip());
  }

  @Test
  void anEmojiNamedMjpegAviIsReadToItsLastFrame() throws Exception {
    Path dir = Files.createDirectories(work.resolve("vídeo 🎬"));
    Path video = dir.resolve("clip 😀.avi");
    writeAvi(video, 6, 6);
    Path out = work.resolve("emoji-video.jsonl");
    Result run = mirror("--headless", "--source", video.toString(), "--out", out.toString());
    assertEquals(0, run.exit(), run.err());
    List<JsonNode> records = records(out);
    assertEquals(List.of(0, 1, 2, 3, 4, 5), records.stream().map(r -> r.get("frame").asInt()).toList());
    assertTrue(records.stream().noneMatch(r -> r.has("image")), "video frames have no image file");
    assertTrue(run.out().contains(": 6 frames, "), run.out());
  }

  @Test
  void aVideoHoldingFewerFramesThanItsHeaderDeclaresEndsNonZeroSayingSo() throws Exception {
    Path video = work.resolve("short.avi");
    writeAvi(video, 5, 9);
    Result run = mirror("--headless", "--source", video.toString());
    assertNotEquals(0, run.exit(), run.out());
    assertTrue(
        run.err().contains("read 5 of 9 frames declared by " + video + "; the rest of the file could not be read"),
        run.err());
    assertTrue(run.out().contains(": 5 frames, "), run.out());
  }

  @Test
  void evalCountsAnUnreadableImageInItsReportAndScoresTheRest() throws Exception {
    Path data = Files.createDirectories(work.resolve("eval 😀").resolve("happy"));
    BufferedImage photo = ImageIO.read(DistributionRun.PHOTOS.resolve("sample1.jpg").toFile());
    ImageIO.write(photo.getSubimage(1450, 180, 240, 270), "png", data.resolve("face 😀.png").toFile());
    Files.writeString(data.resolve("broken.png"), "no png");
    Path report = work.resolve("eval.json");
    Result run =
        mirror("eval", "--dataset", data.getParent().toString(), "--out", report.toString());
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains("1 unreadable image skipped (not scored): happy/broken.png"), run.out());
    assertTrue(run.out().contains("detector none, 1 images"), run.out());
    assertTrue(run.err().contains("cannot decode image: " + data.resolve("broken.png") + "; skipped"), run.err());
    JsonNode json = JSON.readTree(report.toFile());
    assertEquals(1, json.get("images").asInt());
    assertEquals(1, json.get("unreadable").asInt());
    assertEquals("happy/broken.png", json.get("unreadableImages").get(0).asText());
  }

  /** An MJPEG AVI of {@code frames} frames whose header declares {@code declared}. */
  private static void writeAvi(Path file, int frames, int declared) throws IOException {
    List<byte[]> jpegs = MjpegAvi.frames(DistributionRun.PHOTOS.resolve("sample1.jpg"), 480, frames);
    BufferedImage first = ImageIO.read(new java.io.ByteArrayInputStream(jpegs.get(0)));
    MjpegAvi.write(file, jpegs, first.getWidth(), first.getHeight(), 10, declared);
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      n++;
    }
    return n;
  }
}

package org.expressionmirror.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.expressionmirror.launcher.DistributionRun.Result;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the built distribution as a user does ({@code java ... Main --headless ...}) and checks
 * the exit code, the console and the record, for a good run and for each kind of bad input.
 */
class HeadlessCommandIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path work;

  @BeforeAll
  static void distributionIsBuilt() {
    assertTrue(DistributionRun.built(), "no distribution in " + DistributionRun.DIST);
  }

  private static Result mirror(String... args) throws IOException, InterruptedException {
    return DistributionRun.run(work, args);
  }

  private static Path folderOfPhotos() throws IOException {
    Path folder = Files.createDirectories(work.resolve("photos"));
    for (String name : List.of("sample3.jpg", "sample4.jpg", "sample1.jpg")) {
      Files.copy(DistributionRun.PHOTOS.resolve(name), folder.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    return folder;
  }

  @Test
  void aFolderOfPhotosIsRecordedFrameByFrameWithAllFacesAndASummary() throws Exception {
    Path out = work.resolve("photos.jsonl");
    Result run = mirror("--headless", "--source", folderOfPhotos().toString(), "--out", out.toString());
    assertEquals(0, run.exit(), run.err());
    List<String> lines = Files.readAllLines(out);
    assertEquals(4, lines.size());
    assertEquals("{\"end\":\"complete\",\"frames\":3}", lines.get(3), "the last line says the record is complete");
    for (int i = 0; i < 3; i++) {
      JsonNode record = JSON.readTree(lines.get(i));
      assertEquals(i, record.get("frame").asInt());
      assertTrue(record.get("detector").asText().startsWith("blazeface-back@"), lines.get(i));
      assertTrue(record.get("model").asText().contains("@"), lines.get(i));
      assertTrue(record.get("smoother").asText().startsWith("ema@"), lines.get(i));
    }
    JsonNode sample3 = JSON.readTree(lines.get(1)).get("faces");
    assertEquals(3, sample3.size(), lines.get(1));
    for (JsonNode face : sample3) {
      double sum = 0;
      for (JsonNode p : face.get("scores")) {
        sum += p.asDouble();
      }
      assertEquals(1.0, sum, 1e-4);
      assertEquals(4, face.get("box").size());
    }
    assertTrue(run.out().contains("3 frames"), run.out());
    for (String stage : List.of("decode", "detect", "classify", "smooth", "pipeline")) {
      assertTrue(run.out().contains("  " + stage), run.out());
    }
  }

  @Test
  void aMissingSourceIsOneClearLineAndExitCode2() throws Exception {
    Path out = work.resolve("missing.jsonl");
    Result run = mirror("--headless", "--source", work.resolve("nope.mp4").toString(), "--out", out.toString());
    assertEquals(2, run.exit());
    assertTrue(run.err().startsWith("error: source not found: "), run.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void anUndecodableVideoIsNamedAndNothingIsWritten() throws Exception {
    Path bad = work.resolve("broken.avi");
    Files.write(bad, new byte[4096]);
    Path out = work.resolve("broken.jsonl");
    Result run = mirror("--headless", "--source", bad.toString(), "--out", out.toString());
    assertEquals(2, run.exit());
    assertTrue(run.err().contains("cannot decode video: " + bad), run.err());
    assertNoRecord(out);
  }

  @Test
  void aCameraThatDoesNotOpenIsNamed() throws Exception {
    Result run = mirror("--headless", "--source", "camera:7");
    assertEquals(2, run.exit());
    assertTrue(run.err().contains("camera 7 did not open"), run.err());
  }

  @Test
  void anUnknownComponentIdIsNamedWithWhatIsAvailable() throws Exception {
    Path config = Files.createDirectories(work.resolve("unknown-id"));
    Files.writeString(config.resolve("mirror.pipeline.cfg"), "detector=nope\nstartupTimeoutSeconds=5\n");
    Path out = work.resolve("unknown.jsonl");
    Result run =
        mirror("--headless", "--source", folderOfPhotos().toString(), "--config", config.toString(), "--out", out.toString());
    assertEquals(2, run.exit());
    assertTrue(run.err().contains("unknown detector id 'nope' (available: "), run.err());
    assertTrue(run.err().contains("haar"), run.err());
    assertNoRecord(out);
  }

  @Test
  void aMalformedConfigValueIsNamedWithItsKey() throws Exception {
    Path config = Files.createDirectories(work.resolve("malformed"));
    Files.writeString(config.resolve("mirror.pipeline.cfg"), "detector=haar\ntrackTimeoutSeconds=soon\n");
    Result run = mirror("--headless", "--source", folderOfPhotos().toString(), "--config", config.toString());
    assertEquals(2, run.exit());
    assertTrue(run.err().contains("mirror.pipeline.cfg: trackTimeoutSeconds = 'soon' is not a number"), run.err());
  }

  @Test
  void anOutputFolderThatDoesNotExistIsRefusedBeforeStarting() throws Exception {
    Result run = mirror("--headless", "--source", folderOfPhotos().toString(), "--out", work.resolve("no/such/x.jsonl").toString());
    assertEquals(2, run.exit());
    assertTrue(run.err().startsWith("error: folder of --out does not exist: "), run.err());
  }

  /**
   * A folder where no file can be created (procfs refuses new files, even to root) used to leave
   * a headless run waiting forever for a record writer that could not start.
   */
  @Test
  void anOutputFolderWhereNoFileCanBeCreatedIsRefusedBeforeStarting() throws Exception {
    Result run = mirror("--headless", "--source", folderOfPhotos().toString(), "--out", "/proc/sys/x.jsonl");
    assertEquals(2, run.exit());
    assertTrue(run.err().startsWith("error: cannot create a file in the folder of --out: /proc/sys ("), run.err());
  }

  @Test
  void anUnknownOptionPrintsUsage() throws Exception {
    Result run = mirror("--fast");
    assertEquals(2, run.exit());
    assertTrue(run.err().startsWith("error: unknown option: --fast"), run.err());
    assertTrue(run.err().contains("usage: mirror"), run.err());
  }

  private static void assertNoRecord(Path out) throws IOException {
    assertFalse(Files.exists(out), out + " must not exist");
    try (Stream<Path> files = Files.list(out.getParent())) {
      assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".partial")));
    }
  }
}

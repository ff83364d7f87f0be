package org.expressionmirror.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.expressionmirror.launcher.DistributionRun.Result;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chain detector run as a user runs it: {@code ./mirror --headless} over the shipped photos
 * with {@code detector=chain}; every face of the record names the link that found it, and the
 * chain finds at least as many faces as {@code haar} alone on every photo.
 */
class CascadeChainIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> LINKS = Set.of("haar", "haar-alt", "haar-alt2", "haar-profile");

  @TempDir static Path work;

  @BeforeAll
  static void distributionIsBuilt() {
    assertTrue(DistributionRun.built(), "no distribution in " + DistributionRun.DIST);
  }

  /** The shipped runtime-config with this detector and these extra files. */
  private static Path config(String name, String detector, Map<String, String> files) throws IOException {
    Path dir = Files.createDirectories(work.resolve(name));
    try (Stream<Path> shipped = Files.list(DistributionRun.CONFIG)) {
      for (Path f : shipped.toList()) {
        Files.copy(f, dir.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Files.writeString(
        dir.resolve("mirror.pipeline.cfg"),
        "detector=" + detector + "\nmodel=faceapi-expression\nsmoother=ema\n");
    for (Map.Entry<String, String> f : files.entrySet()) {
      Files.writeString(dir.resolve(f.getKey()), f.getValue());
    }
    return dir;
  }

  /** The record's frame lines by image name. */
  private static Map<String, JsonNode> record(String detector) throws Exception {
    Path out = work.resolve(detector + ".jsonl");
    Result r =
        DistributionRun.run(
            work,
            "--headless",
            "--source",
            DistributionRun.PHOTOS.toString(),
            "--out",
            out.toString(),
            "--config",
            config(detector, detector, Map.of()).toString());
    assertEquals(0, r.exit(), r.err());
    Map<String, JsonNode> frames = new LinkedHashMap<>();
    for (String line : Files.readAllLines(out)) {
      JsonNode node = JSON.readTree(line);
      if (node.has("frame")) {
        frames.put(node.get("image").asText(), node);
      }
    }
    assertEquals(6, frames.size(), "frames of the six photos: " + frames.keySet());
    return frames;
  }

  @Test
  void everyFaceNamesItsLinkAndTheChainFindsAtLeastAsManyAsHaar() throws Exception {
    Map<String, JsonNode> chain = record("chain");
    Map<String, JsonNode> haar = record("haar");
    int chainFaces = 0;
    int haarFaces = 0;
    for (Map.Entry<String, JsonNode> e : chain.entrySet()) {
      JsonNode frame = e.getValue();
      assertTrue(frame.get("detector").asText().startsWith("chain@"), frame.toString());
      for (JsonNode face : frame.get("faces")) {
        assertTrue(LINKS.contains(face.path("foundBy").asText()), e.getKey() + ": " + face);
      }
      JsonNode haarFrame = haar.get(e.getKey());
      for (JsonNode face : haarFrame.get("faces")) {
        assertFalse(face.has("foundBy"), "a face of haar alone has no link: " + face);
      }
      int byChain = frame.get("faces").size();
      int byHaar = haarFrame.get("faces").size();
      assertTrue(byChain >= byHaar, e.getKey() + ": chain " + byChain + " < haar " + byHaar);
      chainFaces += byChain;
      haarFaces += byHaar;
    }
    System.out.printf("CascadeChainIT: faces on the six photos: chain %d, haar %d%n", chainFaces, haarFaces);
    assertEquals(14, haarFaces);
    assertEquals(15, chainFaces);
    // haar finds a face on sample3 and stops the chain there; on sample2 it is alt2's turn
    assertEquals(List.of("haar", "haar", "haar"), links(chain.get("sample3.jpg")));
    assertEquals(List.of("haar-alt2"), links(chain.get("sample2.jpg")));
  }

  @Test
  void aLinkThatIsNoDetectorIsRefusedAtStartNamingFileKeyAndValue() throws Exception {
    Path config = config("bad-link", "chain", Map.of("mirror.detector.chain.cfg", "links=haar,haar-alt3\n"));
    Path out = work.resolve("bad.jsonl");
    Result r =
        DistributionRun.run(
            work,
            "--headless",
            "--source",
            DistributionRun.PHOTOS.resolve("sample1.jpg").toString(),
            "--out",
            out.toString(),
            "--config",
            config.toString());
    assertEquals(2, r.exit(), r.err());
    List<String> lines = r.err().lines().filter(l -> !l.isBlank()).toList();
    assertEquals(1, lines.size(), r.err());
    String line = lines.get(0);
    assertTrue(line.startsWith("error: " + config.resolve("mirror.detector.chain.cfg")), line);
    assertTrue(line.contains("links = 'haar,haar-alt3' names 'haar-alt3'"), line);
    assertTrue(line.contains("haar-profile"), "the ids that exist are listed: " + line);
    assertFalse(Files.exists(out), "a run that failed at start leaves no record");
  }

  private static List<String> links(JsonNode frame) {
    return frame.findValuesAsText("foundBy");
  }
}

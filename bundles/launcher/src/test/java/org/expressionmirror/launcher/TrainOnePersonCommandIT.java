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
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./mirror train --one-person} as a user runs it on a folder of one person's images (four
 * crops of one real face of the shipped photos, upright and upside down as two labels): fewer
 * folds for the few images, and a description that says one person; a label with a single image
 * is refused with one line naming the counts, exit code 2 and nothing written.
 */
class TrainOnePersonCommandIT {
  @TempDir static Path work;
  static Path me;

  @BeforeAll
  static void onePersonsFaces() throws IOException {
    assertTrue(DistributionRun.built(), "no distribution in " + DistributionRun.DIST);
    Path all = TrainCommandIT.uprightAndUpsideDownFaces(work.resolve("all"), true);
    me = work.resolve("me");
    for (String label : List.of("neutral", "surprise")) {
      Path to = Files.createDirectories(me.resolve(label));
      try (Stream<Path> files = Files.list(all.resolve(label).resolve("person0"))) {
        for (Path f : files.toList()) {
          Files.copy(f, to.resolve(f.getFileName()));
        }
      }
    }
  }

  @Test
  void onePersonsImagesGetFewerFoldsAndADescriptionSayingOnePerson() throws Exception {
    Path out = Files.createDirectories(work.resolve("models"));
    DistributionRun.Result r =
        DistributionRun.run(work, "train", "--dataset", me.toString(), "--name", "my-face", "--one-person", "--out", out.toString());
    assertEquals(0, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("one person: 8 images (neutral 4, surprise 4), 4-fold cross-validation"), r.out());
    assertTrue(r.out().contains("4-fold cross-validation:"), r.out());
    JsonNode source = new ObjectMapper().readTree(out.resolve("my-face.json").toFile()).get("source");
    assertTrue(source.get("onePerson").asBoolean(), source.toString());
    assertTrue(source.get("trainedOn").asText().startsWith("one person"), source.toString());
    assertTrue(Files.isRegularFile(out.resolve("my-face.onnx")));
    assertTrue(Files.isRegularFile(out.resolve("my-face.golden.json")));
  }

  @Test
  void aLabelWithASingleImageIsRefusedInOneLine() throws Exception {
    Path few = work.resolve("few");
    Files.createDirectories(few.resolve("neutral"));
    Files.createDirectories(few.resolve("surprise"));
    Files.copy(me.resolve("neutral/crop0.png"), few.resolve("neutral/crop0.png"));
    Files.copy(me.resolve("surprise/crop0.png"), few.resolve("surprise/crop0.png"));
    Files.copy(me.resolve("surprise/crop1.png"), few.resolve("surprise/crop1.png"));
    Path out = Files.createDirectories(work.resolve("models-few"));
    DistributionRun.Result r =
        DistributionRun.run(work, "train", "--dataset", few.toString(), "--name", "few", "--one-person", "--out", out.toString());
    assertEquals(2, r.exit(), r.out() + r.err());
    assertTrue(r.err().contains("error: every label needs at least 2 examples for cross-validation (neutral 1, surprise 2) in " + few),
        r.err());
    try (Stream<Path> files = Files.list(out)) {
      assertFalse(files.findAny().isPresent(), "nothing written after a refusal");
    }
  }
}

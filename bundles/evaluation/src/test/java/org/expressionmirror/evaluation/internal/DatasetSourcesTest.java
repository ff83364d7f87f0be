package org.expressionmirror.evaluation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The layouts eval reads besides plain label folders, and what it leaves out on request. */
class DatasetSourcesTest {
  @TempDir Path root;

  private void images(String folder, String... names) throws IOException {
    Path dir = Files.createDirectories(root.resolve(folder));
    for (String n : names) {
      Files.createFile(dir.resolve(n));
    }
  }

  private List<String> files(Dataset d) {
    return d.samples().stream().map(s -> d.root().relativize(s.image()).toString()).toList();
  }

  @Test
  void normalMeansNeutralAndGifFilesAreImages() throws Exception {
    assertEquals(Optional.of("neutral"), FolderLabels.canonical("Normal"));
    images("normal", "a.gif", "b.GIF", "c.txt");
    Dataset d = Dataset.scan(root);
    assertEquals(List.of("neutral"), d.labels());
    assertEquals(List.of("normal/a.gif", "normal/b.GIF"), files(d));
  }

  @Test
  void unknownFoldersAreSkippedAndListedOnRequest() throws Exception {
    images("happy", "1.jpg");
    images("bored", "2.jpg", "3.jpg");
    assertThrows(EvaluationException.class, () -> Dataset.scan(root, false));
    Dataset d = Dataset.scan(root, true);
    assertEquals(List.of("happy/1.jpg"), files(d));
    assertEquals(List.of(new Skipped("bored", null, 2, "'bored' is not a known label")), d.skipped());
  }

  @Test
  void labelsAModelLacksCanBeLeftOut() throws Exception {
    images("happy", "1.jpg");
    images("Contempt", "2.jpg", "3.jpg");
    Dataset d = Dataset.scan(root).keeping(List.of("happiness", "neutral"), "model m has no '{label}'");
    assertEquals(List.of("happy/1.jpg"), files(d));
    assertEquals(List.of(new Skipped("Contempt", "contempt", 2, "model m has no 'contempt'")), d.skipped());
    EvaluationException e =
        assertThrows(EvaluationException.class, () -> Dataset.scan(root).keeping(List.of("anger"), "x"));
    assertTrue(e.getMessage().startsWith("no images left in " + root), e.getMessage());
  }

  @Test
  void aFolderWithAFerPlusLabelFileIsReadThroughIt() throws Exception {
    Files.writeString(
        root.resolve("label.csv"),
        "fer1.png,\"(0, 0, 48, 48)\",0,0,0,9,1,0,0,0,0,0\n"
            + "fer2.png,\"(0, 0, 48, 48)\",8,2,0,0,0,0,0,0,0,0\n"
            + "fer3.png,\"(0, 0, 48, 48)\",3,3,0,0,0,0,0,0,0,0\n");
    Files.write(root.resolve("fer1.png"), new byte[] {1});
    Dataset d = Dataset.scan(root);
    assertEquals(root, d.root());
    // canonical label order, as for folders
    assertEquals(List.of("fer2.png", "fer1.png"), files(d));
    assertEquals(List.of("neutral", "sadness"), d.labels());
    // by FERPlus's rule (the default): 3 of 6 is not more than half
    assertEquals(List.of(new LeftOut("fer3.png", "no majority: neutral and happiness 3 of 6 each")), d.leftOut());
    assertEquals("ferplus", d.labelRule());
    // the file itself names the same dataset
    assertEquals(files(d), files(Dataset.scan(root.resolve("label.csv"))));
    Dataset plurality = Dataset.scan(root, false, FerPlusLabels.Rule.PLURALITY);
    assertEquals(List.of(new LeftOut("fer3.png", "tie: neutral, happiness")), plurality.leftOut());
    assertEquals("plurality", plurality.labelRule());
  }

  @Test
  void labelFileLabelsAModelLacksAreSkippedUnderTheLabelsName() throws Exception {
    Files.writeString(
        root.resolve("label.csv"),
        "fer1.png,\"(0, 0, 48, 48)\",0,0,0,0,0,0,0,7,0,0\nfer2.png,\"(0, 0, 48, 48)\",8,0,0,0,0,0,0,0,0,0\n");
    Files.write(root.resolve("fer1.png"), new byte[] {1});
    Dataset d = Dataset.scan(root).keeping(List.of("neutral"), "model m has no '{label}'");
    assertEquals(List.of(new Skipped("contempt", "contempt", 1, "model m has no 'contempt'")), d.skipped());
  }
}

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

/** Folder layout only: the images are not decoded here, so empty files stand for them. */
class DatasetTest {
  @TempDir Path root;

  private void images(String folder, String... names) throws IOException {
    Path dir = Files.createDirectories(root.resolve(folder));
    for (String n : names) {
      Files.createFile(dir.resolve(n));
    }
  }

  @Test
  void folderNamesMapOntoCanonicalLabelsIgnoringCase() {
    assertEquals(Optional.of("anger"), FolderLabels.canonical("Angry"));
    assertEquals(Optional.of("anger"), FolderLabels.canonical("anger"));
    assertEquals(Optional.of("happiness"), FolderLabels.canonical("HAPPY"));
    assertEquals(Optional.of("sadness"), FolderLabels.canonical("sad"));
    assertEquals(Optional.of("fear"), FolderLabels.canonical("fearful"));
    assertEquals(Optional.of("surprise"), FolderLabels.canonical("Surprised"));
    assertEquals(Optional.of("disgust"), FolderLabels.canonical("disgusted"));
    assertEquals(Optional.of("neutral"), FolderLabels.canonical("Neutral"));
    assertEquals(Optional.of("contempt"), FolderLabels.canonical("contempt"));
    assertEquals(Optional.empty(), FolderLabels.canonical("bored"));
  }

  @Test
  void samplesInCanonicalLabelOrderThenByNameAndOnlyImages() throws Exception {
    images("surprised", "b.png", "a.JPG");
    images("Angry", "z.jpg", "notes.txt");
    images("happy", "1.jpeg");
    Dataset d = Dataset.scan(root);
    assertEquals(List.of("anger", "happiness", "surprise"), d.labels());
    assertEquals(
        List.of("Angry/z.jpg", "happy/1.jpeg", "surprised/a.JPG", "surprised/b.png"),
        d.samples().stream().map(s -> root.relativize(s.image()).toString()).toList());
    assertEquals("surprise", d.samples().get(3).label());
  }

  @Test
  void anUnknownFolderIsAnErrorNamingIt() throws Exception {
    images("happy", "1.jpg");
    images("bored", "2.jpg");
    EvaluationException e = assertThrows(EvaluationException.class, () -> Dataset.scan(root));
    assertTrue(
        e.getMessage().startsWith("unknown label folder 'bored' in " + root + " (known: anger, angry, contempt,"),
        e.getMessage());
  }

  @Test
  void twoFoldersForOneLabelAreAnError() throws Exception {
    images("angry", "1.jpg");
    images("anger", "2.jpg");
    EvaluationException e = assertThrows(EvaluationException.class, () -> Dataset.scan(root));
    assertEquals("folders 'anger' and 'angry' in " + root + " both mean 'anger'", e.getMessage());
  }

  @Test
  void aDatasetWithoutImagesIsAnError() throws Exception {
    images("happy", "readme.txt");
    EvaluationException e = assertThrows(EvaluationException.class, () -> Dataset.scan(root));
    assertTrue(e.getMessage().startsWith("no images in " + root), e.getMessage());
  }

  @Test
  void aMissingFolderIsAnErrorNamingIt() {
    Path missing = root.resolve("nowhere");
    EvaluationException e = assertThrows(EvaluationException.class, () -> Dataset.scan(missing));
    assertEquals("dataset does not exist: " + missing, e.getMessage());
  }
}

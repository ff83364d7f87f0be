package org.expressionmirror.evaluation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The FER+ label.csv: one label per image by a rule (FERPlus's majority, or the plurality), the rest left out. */
class FerPlusLabelsTest {
  @TempDir Path dir;

  @Test
  void theLabelWithTheMostVotesWins() {
    // order: neutral, happiness, surprise, sadness, anger, disgust, fear, contempt, unknown, NF
    assertEquals("neutral", FerPlusLabels.majority(new int[] {4, 0, 0, 1, 3, 2, 0, 0, 0, 0}));
    assertEquals("happiness", FerPlusLabels.majority(new int[] {0, 10, 0, 0, 0, 0, 0, 0, 0, 0}));
    assertEquals("contempt", FerPlusLabels.majority(new int[] {2, 0, 0, 0, 1, 0, 0, 5, 2, 0}));
    assertEquals("fear", FerPlusLabels.majority(new int[] {0, 0, 4, 0, 0, 0, 5, 0, 1, 0}));
  }

  @Test
  void tiesAndUnknownOrNotAFaceHaveNoLabel() {
    assertEquals("tie: happiness, surprise", FerPlusLabels.majority(new int[] {0, 4, 4, 0, 0, 0, 0, 0, 2, 0}));
    assertEquals("most votes: unknown", FerPlusLabels.majority(new int[] {1, 0, 0, 2, 0, 0, 0, 0, 7, 0}));
    assertEquals("most votes: NF", FerPlusLabels.majority(new int[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 10}));
    assertEquals("no votes", FerPlusLabels.majority(new int[10]));
  }

  @Test
  void ferPlusMajorityDropsSingleVotesAndNeedsMoreThanHalfOfTheRest() {
    // 4 of 9 once the single sadness vote is dropped: no majority (the plurality says neutral)
    assertEquals("no majority: neutral 4 of 9", FerPlusLabels.ferPlusMajority(new int[] {4, 0, 0, 1, 3, 2, 0, 0, 0, 0}));
    assertEquals("neutral", FerPlusLabels.majority(new int[] {4, 0, 0, 1, 3, 2, 0, 0, 0, 0}));
    // 5 of 9 after dropping the single fear vote: a majority the raw 5 of 10 would not be
    assertEquals("happiness", FerPlusLabels.ferPlusMajority(new int[] {0, 5, 4, 0, 0, 0, 1, 0, 0, 0}));
    // exactly half is not more than half
    assertEquals("no majority: neutral and happiness 5 of 10 each", FerPlusLabels.ferPlusMajority(new int[] {5, 5, 0, 0, 0, 0, 0, 0, 0, 0}));
    assertEquals("contempt", FerPlusLabels.ferPlusMajority(new int[] {2, 0, 0, 0, 1, 0, 0, 6, 2, 0}));
    assertEquals("most votes: unknown", FerPlusLabels.ferPlusMajority(new int[] {0, 0, 0, 2, 0, 0, 0, 0, 8, 0}));
    assertEquals("most votes: NF", FerPlusLabels.ferPlusMajority(new int[] {0, 0, 0, 0, 0, 0, 0, 0, 1, 9}));
    assertEquals("no label with two votes or more", FerPlusLabels.ferPlusMajority(new int[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1}));
    assertEquals(FerPlusLabels.Rule.FERPLUS, FerPlusLabels.Rule.of("ferplus"));
    assertEquals("'majority' is not a label rule (ferplus or plurality)",
        assertThrows(IllegalArgumentException.class, () -> FerPlusLabels.Rule.of("majority")).getMessage());
  }

  @Test
  void theRuleDecidesWhichImagesOfAFileHaveALabel() throws Exception {
    Path csv = dir.resolve("label.csv");
    Files.writeString(
        csv,
        String.join(
            "\n",
            "a.png,\"(0, 0, 48, 48)\",0,10,0,0,0,0,0,0,0,0",
            "b.png,\"(0, 0, 48, 48)\",4,0,0,1,3,2,0,0,0,0",
            "c.png,\"(0, 0, 48, 48)\",0,5,4,0,0,0,1,0,0,0",
            ""));
    touch("a.png", "b.png", "c.png");
    FerPlusLabels.Read ferplus = FerPlusLabels.read(csv, dir, FerPlusLabels.Rule.FERPLUS);
    assertEquals(List.of(new Sample("happiness", dir.resolve("a.png")), new Sample("happiness", dir.resolve("c.png"))), ferplus.samples());
    assertEquals(List.of(new LeftOut("b.png", "no majority: neutral 4 of 9")), ferplus.leftOut());
    FerPlusLabels.Read plurality = FerPlusLabels.read(csv, dir, FerPlusLabels.Rule.PLURALITY);
    assertEquals(
        List.of(
            new Sample("happiness", dir.resolve("a.png")),
            new Sample("neutral", dir.resolve("b.png")),
            new Sample("happiness", dir.resolve("c.png"))),
        plurality.samples());
  }

  @Test
  void readsTheFileWithItsQuotedBoxAndListsWhatIsLeftOut() throws Exception {
    Path csv = dir.resolve("label.csv");
    Files.writeString(
        csv,
        String.join(
            "\n",
            "fer0032222.png,\"(0, 0, 48, 48)\",0,10,0,0,0,0,0,0,0,0",
            "fer0032223.png,\"(0, 0, 48, 48)\",5,0,0,5,0,0,0,0,0,0",
            "fer0032224.png,\"(0, 0, 48, 48)\",0,0,0,0,0,0,0,0,1,9",
            "fer0032225.png,\"(0, 0, 48, 48)\",2,0,0,0,0,0,0,6,2,0",
            ""));
    touch("fer0032222.png");
    FerPlusLabels.Read read = FerPlusLabels.read(csv, dir, FerPlusLabels.Rule.PLURALITY);
    assertEquals(
        List.of(new Sample("happiness", dir.resolve("fer0032222.png")), new Sample("contempt", dir.resolve("fer0032225.png"))),
        read.samples());
    assertEquals(
        List.of(
            new LeftOut("fer0032223.png", "tie: neutral, sadness"),
            new LeftOut("fer0032224.png", "most votes: NF")),
        read.leftOut());
  }

  @Test
  void aLabelFileWithoutAnyOfItsImagesIsRefusedInOneLine() throws Exception {
    Path csv = dir.resolve("label.csv");
    Files.writeString(csv, "a.png,\"(0, 0, 48, 48)\",0,10,0,0,0,0,0,0,0,0\nb.png,\"(0, 0, 48, 48)\",0,0,9,0,0,0,0,0,1,0\n");
    EvaluationException e =
        assertThrows(EvaluationException.class, () -> FerPlusLabels.read(csv, dir, FerPlusLabels.Rule.FERPLUS));
    assertEquals(
        "none of the 2 images " + csv + " names is in " + dir + " (the first: a.png); the images go in the folder of the label file, as FERPlus lays out its splits",
        e.getMessage());
    // one image there is enough: the missing one is reported as unreadable when it is read
    Files.write(dir.resolve("b.png"), new byte[] {1});
    assertEquals(2, FerPlusLabels.read(csv, dir, FerPlusLabels.Rule.FERPLUS).samples().size());
  }

  @Test
  void aHeaderLineIsSkipped() throws Exception {
    Path csv = dir.resolve("label.csv");
    Files.writeString(
        csv,
        "Image name,Box,neutral,happiness,surprise,sadness,anger,disgust,fear,contempt,unknown,NF\n"
            + "a.png,\"(0, 0, 48, 48)\",0,0,7,0,0,0,0,0,3,0\n");
    touch("a.png");
    assertEquals(List.of(new Sample("surprise", dir.resolve("a.png"))), FerPlusLabels.read(csv, dir, FerPlusLabels.Rule.PLURALITY).samples());
  }

  @Test
  void aBadRowIsNamedByFileAndLine() throws Exception {
    Path csv = dir.resolve("label.csv");
    Files.writeString(csv, "a.png,\"(0, 0, 48, 48)\",0,0,7,0,0,0,0,0,3,0\nb.png,\"(0, 0, 48, 48)\",0,x,7,0,0,0,0,0,3,0\nc.png,1,2\n");
    EvaluationException e = assertThrows(EvaluationException.class, () -> FerPlusLabels.read(csv, dir, FerPlusLabels.Rule.PLURALITY));
    assertEquals(csv + ":2: happiness count 'x' is not a vote count (a whole number, 0 or more)", e.getMessage());
    Files.writeString(csv, "c.png,1,2\n");
    e = assertThrows(EvaluationException.class, () -> FerPlusLabels.read(csv, dir, FerPlusLabels.Rule.PLURALITY));
    assertEquals(csv + ":1: expected image,\"box\", and 10 vote counts, got 3 fields", e.getMessage());
  }

  /** The images a label file names, as files (their content is not read here). */
  private void touch(String... names) throws Exception {
    for (String n : names) {
      Files.write(dir.resolve(n), new byte[] {1});
    }
  }
}

package org.expressionmirror.training.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.expressionmirror.evaluation.internal.FerPlusLabels;
import org.expressionmirror.evaluation.internal.LeftOut;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingSetTest {
  @TempDir Path dir;

  @Test
  void ferPlusVotesGiveSoftTargetsWithoutSingleVotesUnknownOrNotAFace() throws Exception {
    Files.writeString(
        dir.resolve("label.csv"),
        String.join(
            "\n",
            // neutral, happiness, surprise, sadness, anger, disgust, fear, contempt, unknown, NF
            "a.png,\"(0, 0, 48, 48)\",6,3,1,0,0,0,0,0,0,0",
            "b.png,\"(0, 0, 48, 48)\",0,0,0,2,5,0,0,2,1,0",
            "c.png,\"(0, 0, 48, 48)\",0,0,0,0,0,0,0,0,2,8",
            "d.png,\"(0, 0, 48, 48)\",4,4,0,0,0,0,0,0,2,0",
            ""));
    for (String image : List.of("a.png", "b.png", "c.png", "d.png")) {
      Files.write(dir.resolve(image), new byte[] {1});
    }
    TrainingSet set = TrainingSet.read(dir, null);
    // classes: the labels that are some image's majority, canonical order
    assertEquals(List.of("anger", "neutral"), set.classes());
    assertEquals(2, set.examples().size());
    TrainingSet.Example a = set.examples().get(0);
    assertEquals("a.png", a.name());
    assertEquals(1, a.label());
    // happiness and surprise are not classes here; the single surprise vote is dropped anyway
    assertArrayEquals(new double[] {0, 1}, a.target(), 1e-12);
    TrainingSet.Example b = set.examples().get(1);
    assertEquals(0, b.label());
    // anger 5 of (5): sadness and contempt are not classes of this set, unknown is never one
    assertArrayEquals(new double[] {1, 0}, b.target(), 1e-12);
    assertEquals(List.of("c.png", "d.png"), set.leftOut().stream().map(l -> l.image()).toList());
    assertEquals("most votes: NF", set.leftOut().get(0).reason());
    assertEquals("no majority: neutral and happiness 4 of 10 each", set.leftOut().get(1).reason());
    assertFalse(set.grouped());
  }

  @Test
  void softTargetsSpreadOverTheVotedClasses() throws Exception {
    Files.writeString(
        dir.resolve("label.csv"),
        "x.png,\"(0, 0, 48, 48)\",5,3,0,0,0,0,0,0,0,0\ny.png,\"(0, 0, 48, 48)\",1,6,2,0,0,0,0,0,1,0\nz.png,\"(0, 0, 48, 48)\",0,0,9,0,0,0,0,0,0,0\n");
    touch("x.png");
    TrainingSet set = TrainingSet.read(dir.resolve("label.csv"), null);
    assertEquals(List.of("happiness", "neutral", "surprise"), set.classes());
    TrainingSet.Example x = set.examples().get(0);
    assertArrayEquals(new double[] {3 / 8.0, 5 / 8.0, 0}, x.target(), 1e-12);
    // the one neutral vote is noise; the unknown vote is not an expression
    TrainingSet.Example y = set.examples().get(1);
    assertArrayEquals(new double[] {6 / 8.0, 0, 2 / 8.0}, y.target(), 1e-12);
    assertEquals(0, y.label());
  }

  @Test
  void hardTargetsAreTheMajorityLabelAlone() throws Exception {
    Files.writeString(
        dir.resolve("label.csv"),
        "x.png,\"(0, 0, 48, 48)\",5,3,0,0,0,0,0,0,0,0\ny.png,\"(0, 0, 48, 48)\",1,6,2,0,0,0,0,0,1,0\nz.png,\"(0, 0, 48, 48)\",0,0,9,0,0,0,0,0,0,0\n");
    touch("x.png");
    TrainingSet soft = TrainingSet.read(dir, null);
    TrainingSet hard = soft.withHardTargets();
    assertEquals(soft.classes(), hard.classes());
    assertEquals(soft.leftOut(), hard.leftOut());
    // x: neutral 5 of 8 votes, happiness 3: soft 5/8 and 3/8, hard neutral alone
    assertArrayEquals(new double[] {3 / 8.0, 5 / 8.0, 0}, soft.examples().get(0).target(), 1e-12);
    assertArrayEquals(new double[] {0, 1, 0}, hard.examples().get(0).target(), 1e-12);
    assertArrayEquals(new double[] {1, 0, 0}, hard.examples().get(1).target(), 1e-12);
    assertArrayEquals(new double[] {0, 0, 1}, hard.examples().get(2).target(), 1e-12);
    for (int i = 0; i < 3; i++) {
      TrainingSet.Example s = soft.examples().get(i);
      TrainingSet.Example h = hard.examples().get(i);
      assertEquals(s.name(), h.name());
      assertEquals(s.label(), h.label());
      assertEquals(s.group(), h.group());
    }
  }

  @Test
  void theLabelRuleDecidesWhichImagesHaveALabel() throws Exception {
    // w: neutral 4 of 9 once the single votes are dropped, no FERPlus majority (plurality: neutral)
    Files.writeString(
        dir.resolve("label.csv"),
        "w.png,\"(0, 0, 48, 48)\",4,0,0,1,3,2,0,0,0,0\nx.png,\"(0, 0, 48, 48)\",5,3,0,0,0,0,0,0,0,0\nz.png,\"(0, 0, 48, 48)\",0,0,9,0,0,0,0,0,0,0\n");
    touch("x.png");
    TrainingSet ferplus = TrainingSet.read(dir, null);
    assertEquals("ferplus", ferplus.labelRule());
    assertEquals(List.of("x.png", "z.png"), ferplus.examples().stream().map(TrainingSet.Example::name).toList());
    assertEquals(List.of(new LeftOut("w.png", "no majority: neutral 4 of 9")), ferplus.leftOut());
    TrainingSet plurality = TrainingSet.read(dir, null, FerPlusLabels.Rule.PLURALITY);
    assertEquals("plurality", plurality.labelRule());
    assertEquals(List.of("w.png", "x.png", "z.png"), plurality.examples().stream().map(TrainingSet.Example::name).toList());
    assertEquals("plurality", plurality.withHardTargets().labelRule());
  }

  @Test
  void aValidationSetIsMappedOntoTheTrainingClasses() throws Exception {
    Files.writeString(
        dir.resolve("label.csv"),
        "x.png,\"(0, 0, 48, 48)\",5,3,0,0,0,0,0,0,0,0\ny.png,\"(0, 0, 48, 48)\",1,6,2,0,0,0,0,0,1,0\nz.png,\"(0, 0, 48, 48)\",0,0,9,0,0,0,0,0,0,0\n");
    touch("x.png");
    TrainingSet valid = TrainingSet.read(dir, null).asClassesOf(List.of("neutral", "surprise"));
    assertEquals(List.of("neutral", "surprise"), valid.classes());
    // y's label (happiness) is not one the head can say: left out
    assertEquals(List.of("x.png", "z.png"), valid.examples().stream().map(TrainingSet.Example::name).toList());
    assertArrayEquals(new double[] {1, 0}, valid.examples().get(0).target(), 1e-12);
    assertEquals(1, valid.examples().get(1).label());
  }

  @Test
  void labelSubjectFoldersGroupByPersonAndAliasesAreEvalsOwn() throws Exception {
    touch("happy/ann/1.png");
    touch("happy/ann/2.jpg");
    touch("happy/3.png");
    touch("Sad/bob/4.png");
    touch("Sad/notes.txt");
    TrainingSet set = TrainingSet.read(dir, null);
    assertEquals(List.of("happiness", "sadness"), set.classes());
    assertEquals(
        List.of("happy/3.png", "happy/ann/1.png", "happy/ann/2.jpg", "Sad/bob/4.png"),
        set.examples().stream().map(TrainingSet.Example::name).toList());
    assertEquals(
        List.of("happy/3.png", "subject:ann", "subject:ann", "subject:bob"),
        set.examples().stream().map(TrainingSet.Example::group).toList());
    assertTrue(set.grouped());
  }

  @Test
  void subjectsCsvSaysWhoIsWho() throws Exception {
    touch("anger/1.png");
    touch("anger/2.png");
    touch("neutral/3.png");
    Files.writeString(dir.resolve("subjects.csv"), "image,subject\nanger/1.png,carl\nneutral/3.png,carl\n");
    TrainingSet set = TrainingSet.read(dir, null);
    assertEquals(
        List.of("subject:carl", "anger/2.png", "subject:carl"),
        set.examples().stream().map(TrainingSet.Example::group).toList());
  }

  @Test
  void anUnknownFolderOrASingleLabelIsRefusedNamingIt() throws Exception {
    touch("bored/1.png");
    TrainingException e = assertThrows(TrainingException.class, () -> TrainingSet.read(dir, null));
    assertTrue(e.getMessage().startsWith("unknown label folder 'bored' in " + dir), e.getMessage());
    Files.delete(dir.resolve("bored/1.png"));
    Files.delete(dir.resolve("bored"));
    touch("happy/1.png");
    e = assertThrows(TrainingException.class, () -> TrainingSet.read(dir, null));
    assertEquals("training needs images of at least 2 labels, " + dir + " has only [happiness]", e.getMessage());
  }

  private void touch(String name) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.write(p, new byte[] {1});
  }
}

package org.expressionmirror.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** "Largest face" has one home: the pipeline, window, evaluation and training all ask Box. */
class LargestBoxTest {
  @Test
  void picksTheLargestAreaNotTheWidestOrFirst() {
    List<Face> faces =
        List.of(
            new Face(new Box(0, 0, 30, 2), 1), // widest, area 60
            new Face(new Box(50, 50, 9, 9), 1), // area 81
            new Face(new Box(5, 5, 8, 8), 1)); // area 64
    assertEquals(1, Box.largest(faces, Face::box));
    assertSame(faces.get(1), Box.largestOf(faces, Face::box).orElseThrow());
  }

  @Test
  void ofEqualAreasTheFirstWinsSoTheChoiceIsStable() {
    List<Box> boxes = List.of(new Box(0, 0, 4, 9), new Box(10, 10, 6, 6), new Box(20, 0, 9, 4));
    assertEquals(0, Box.largest(boxes, Function.identity()));
    assertEquals(0, Box.largest(List.of(boxes.get(1), boxes.get(0)), Function.identity()));
  }

  @Test
  void noneWhenEmpty() {
    assertEquals(-1, Box.largest(List.<Face>of(), Face::box));
    assertTrue(Box.largestOf(List.<Face>of(), Face::box).isEmpty());
  }

  @Test
  void emptyBoxesStillCount() {
    assertEquals(0, Box.largest(List.of(new Box(3, 3, 0, 0)), Function.identity()));
  }
}

package org.expressionmirror.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainOnePersonOptionsTest {
  private static final Path CONFIG = Path.of("runtime-config");

  @Test
  void onePersonBecomesAFrameworkProperty() {
    Options o = TrainOptions.parse(List.of("--dataset", "me", "--name", "personal", "--one-person"), CONFIG).toOptions();
    assertEquals("true", o.properties().get("mirror.train.onePerson"));
    assertEquals("personal", o.properties().get("mirror.train.name"));
  }

  @Test
  void mirrorBecomesAFrameworkPropertyAndIsNotForOnePerson() {
    Options o = TrainOptions.parse(List.of("--dataset", "faces", "--mirror"), CONFIG).toOptions();
    assertEquals("true", o.properties().get("mirror.train.mirror"));
    assertFalse(TrainOptions.parse(List.of("--dataset", "faces"), CONFIG).toOptions().properties().containsKey("mirror.train.mirror"));
    assertTrue(TrainOptions.USAGE.contains("--mirror"));
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> TrainOptions.parse(List.of("--dataset", "me", "--one-person", "--mirror"), CONFIG));
    assertEquals("--mirror is not available with --one-person", e.getMessage());
  }

  @Test
  void withoutItTheImagesAreOfManyPeople() {
    Options o = TrainOptions.parse(List.of("--dataset", "faces"), CONFIG).toOptions();
    assertFalse(o.properties().containsKey("mirror.train.onePerson"));
    assertTrue(TrainOptions.USAGE.contains("--one-person"));
  }
}

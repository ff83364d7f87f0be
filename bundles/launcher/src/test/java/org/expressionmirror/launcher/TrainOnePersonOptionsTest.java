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
  void withoutItTheImagesAreOfManyPeople() {
    Options o = TrainOptions.parse(List.of("--dataset", "faces"), CONFIG).toOptions();
    assertFalse(o.properties().containsKey("mirror.train.onePerson"));
    assertTrue(TrainOptions.USAGE.contains("--one-person"));
  }
}

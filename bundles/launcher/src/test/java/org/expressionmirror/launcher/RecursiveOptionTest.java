package org.expressionmirror.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecursiveOptionTest {
  private static final Path CONFIG = Path.of("runtime-config");

  @Test
  void recursiveBecomesTheFrameworkPropertyThePipelineReads() {
    Options o = Options.parse(List.of("--headless", "--source", "photos", "--recursive"), CONFIG);
    assertTrue(o.recursive());
    assertEquals("true", o.properties().get("mirror.recursive"));
    assertFalse(Options.parse(List.of("--headless", "--source", "photos"), CONFIG).recursive());
  }

  @Test
  void recursiveWithoutAFolderSourceIsRefused() {
    for (List<String> args :
        List.of(List.of("--recursive"), List.of("--source", "camera:0", "--recursive"))) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> Options.parse(args, CONFIG));
      assertEquals("--recursive needs --source FOLDER", e.getMessage());
    }
  }
}

package org.expressionmirror.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsTest {
  private static final Path CONFIG = Path.of("runtime-config");

  @Test
  void noArgumentsIsTheDefaultMirror() {
    Options o = Options.parse(List.of(), CONFIG);
    assertEquals("mirror", o.feature());
    assertEquals(CONFIG, o.config());
    assertEquals(null, o.source());
  }

  @Test
  void headlessPicksTheHeadlessFeature() {
    Options o =
        Options.parse(List.of("--headless", "--source", "a.mp4", "--out", "a.jsonl", "--realtime"), CONFIG);
    assertEquals("headless", o.feature());
    assertTrue(o.headless());
    assertTrue(o.realtime());
    assertEquals(Path.of("a.jsonl"), o.out());
  }

  @Test
  void headlessWithoutSourceIsRefused() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Options.parse(List.of("--headless"), CONFIG));
    assertEquals("--headless needs --source", e.getMessage());
  }

  @Test
  void unknownOptionsAndMissingValuesAreNamed() {
    assertEquals(
        "unknown option: --fast",
        assertThrows(IllegalArgumentException.class, () -> Options.parse(List.of("--fast"), CONFIG))
            .getMessage());
    assertEquals(
        "--out needs a value",
        assertThrows(IllegalArgumentException.class, () -> Options.parse(List.of("--out"), CONFIG))
            .getMessage());
  }

  @Test
  void frameworkPropertiesPassThrough() {
    Options o = Options.parse(List.of("-Dmirror.models.dir=/m", "--feature", "x"), CONFIG);
    assertEquals("/m", o.properties().get("mirror.models.dir"));
    assertEquals("x", o.feature());
  }
}

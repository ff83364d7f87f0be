package org.expressionmirror.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoldenTest {
  @TempDir Path dir;

  @Test
  void aDescriptionWithGoldenVectorsPassedThemSinceTheModelIsOnOffer() throws Exception {
    Path d = Files.writeString(dir.resolve("m.json"), "{\"id\":\"m\",\"golden\":\"m.golden.json\"}");
    assertEquals("passed (m.golden.json, checked when the model was loaded)", Golden.of(d.toString()));
  }

  @Test
  void withoutGoldenVectorsOrDescriptionOrReadableFile() throws Exception {
    Path d = Files.writeString(dir.resolve("n.json"), "{\"id\":\"n\"}");
    assertEquals("none given in n.json: not checked", Golden.of(d.toString()));
    assertTrue(Golden.of("").startsWith("no description"));
    assertTrue(Golden.of(dir.resolve("gone.json").toString()).startsWith("unknown: cannot read "));
  }
}

package org.expressionmirror.models.supply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PinnedFilesTest {
  // sha256 of the ASCII text "abc" (FIPS 180-2 test vector), independent of our code
  private static final String ABC =
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

  @TempDir Path dir;

  private PinnedFiles pinsFor(String line) throws IOException {
    Path pinFile = dir.resolve("pins.sha256");
    Files.writeString(pinFile, "# test pins\n" + line + "\n");
    return PinnedFiles.read(pinFile);
  }

  @Test
  void acceptsAFileWithThePinnedHash() throws IOException {
    Files.createDirectories(dir.resolve("pkg/models"));
    Files.writeString(dir.resolve("pkg/models/a.bin"), "abc", StandardCharsets.US_ASCII);
    PinnedFiles pins = pinsFor(ABC + "  pkg/models/a.bin");
    pins.verify(dir);
    assertEquals(ABC, PinnedFiles.sha256(dir.resolve("pkg/models/a.bin")));
  }

  @Test
  void rejectsATamperedFileNamingIt() throws IOException {
    Files.createDirectories(dir.resolve("pkg/models"));
    Files.writeString(dir.resolve("pkg/models/a.bin"), "abd", StandardCharsets.US_ASCII);
    PinnedFiles pins = pinsFor(ABC + "  pkg/models/a.bin");
    PinMismatchException e = assertThrows(PinMismatchException.class, () -> pins.verify(dir));
    assertTrue(e.getMessage().startsWith("sha256 mismatch for "), e.getMessage());
    assertTrue(e.getMessage().contains("pkg/models/a.bin"), e.getMessage());
    assertTrue(e.getMessage().contains("expected " + ABC), e.getMessage());
  }

  @Test
  void rejectsAMissingFileNamingIt() throws IOException {
    PinnedFiles pins = pinsFor(ABC + "  pkg/gone.bin");
    PinMismatchException e = assertThrows(PinMismatchException.class, () -> pins.verify(dir));
    assertTrue(e.getMessage().contains("pinned file missing: "), e.getMessage());
    assertTrue(e.getMessage().contains("pkg/gone.bin"), e.getMessage());
  }

  @Test
  void rejectsAMalformedPinLineWithItsLineNumber() {
    IOException e = assertThrows(IOException.class, () -> pinsFor("abc123  pkg/a.bin"));
    assertTrue(e.getMessage().contains("pins.sha256:2"), e.getMessage());
  }

  @Test
  void theProjectPinFileIsWellFormed() throws IOException {
    // the pin file the build uses lives beside the package module
    PinnedFiles pins = PinnedFiles.read(Path.of("../package/pins.sha256"));
    assertTrue(pins.pins().containsKey("npm/human/package/models/emotion.bin"));
    assertTrue(pins.pins().size() >= 12, "pins: " + pins.pins().keySet());
  }
}

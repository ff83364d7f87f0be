package org.expressionmirror.pipeline.internal;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ConfigFileCheckTest {
  private static Optional<String> check(String text) {
    return ConfigFileCheck.problem("x.cfg", text.getBytes(ISO_8859_1));
  }

  @Test
  void theShippedConfigurationFilesAreFine() throws IOException {
    List<Path> files;
    try (Stream<Path> all = Files.list(Path.of("../../runtime-config"))) {
      files = all.filter(f -> f.toString().endsWith(".cfg")).toList();
    }
    assertEquals(5, files.size(), files.toString());
    for (Path f : files) {
      assertEquals(Optional.empty(), ConfigFileCheck.problem(f), f.toString());
    }
  }

  @Test
  void whatPropertiesAcceptsIsFine() {
    String text =
        "# comment\n! also a comment\n\n  detector = haar\nmodel:faceapi-expression\r\n"
            + "members=a,\\\n    b\nweights=\nname=caf\\u00e9\nfilter=(a\\=b)\n";
    assertEquals(Optional.empty(), check(text));
  }

  @Test
  void binaryContentIsNamedWithItsLine() {
    byte[] bytes = {'a', '=', '1', '\n', 'b', '=', 0, 1, 2};
    assertEquals(
        Optional.of("x.cfg:2: binary content (byte 0x00), not a key=value file"),
        ConfigFileCheck.problem("x.cfg", bytes));
  }

  @Test
  void aLineWithoutSeparatorIsNamedWithItsLine() {
    assertEquals(
        Optional.of("x.cfg:3: not a key=value line: this is garbage"),
        check("detector=haar\n# fine\nthis is garbage\nmodel=x\n"));
  }

  @Test
  void aContinuedValueIsNotALineOfItsOwn() {
    assertEquals(Optional.empty(), check("members=a,\\\n b c d\n"));
    assertEquals(Optional.of("x.cfg:2: not a key=value line: b c d"), check("members=a,\\\\\n b c d\n"));
  }

  @Test
  void anEmptyKeyAndABrokenEscapeAreNamed() {
    assertEquals(Optional.of("x.cfg:1: no key before '=': =haar"), check("=haar\n"));
    assertEquals(Optional.of("x.cfg:1: malformed \\uXXXX escape: name=caf\\u00z"), check("name=caf\\u00z\n"));
  }
}

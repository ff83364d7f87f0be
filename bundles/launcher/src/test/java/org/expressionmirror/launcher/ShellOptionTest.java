package org.expressionmirror.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code --shell}: the option, and the shell feature's bundles added to the chosen feature. */
class ShellOptionTest {
  private static final Path CONFIG = Path.of("runtime-config");

  @Test
  void shellIsAnOptionBesideTheOthers() {
    Options o = Options.parse(List.of("--shell", "--headless", "--source", "a.mp4", "--realtime"), CONFIG);
    assertTrue(o.shell());
    assertTrue(o.headless());
    assertEquals("headless", o.feature());
    assertEquals("true", o.properties().get("mirror.shell"));
    assertFalse(Options.parse(List.of("--headless", "--source", "a.mp4"), CONFIG).shell());
  }

  @Test
  void theShellFeatureAddsItsBundlesOnceAfterTheFeaturesOwn() {
    Feature headless = new Feature("headless", List.of("scr", "api", "pipeline"), Map.of("mirror.source", "x"));
    Feature shell =
        new Feature("shell", List.of("scr", "api", "pipeline", "gogo.runtime", "shell"), Map.of("mirror.source", "y", "k", "v"));
    Feature both = Main.withShell(headless, shell);
    assertEquals("headless", both.name());
    assertEquals(List.of("scr", "api", "pipeline", "gogo.runtime", "shell"), both.bundles());
    assertEquals(Map.of("mirror.source", "x", "k", "v"), both.properties());
  }

  @Test
  void theShippedShellFeatureHasGogoAndTheMirrorCommands() throws Exception {
    Feature shell = Feature.load(Path.of("../../features"), Main.SHELL_FEATURE);
    assertTrue(shell.bundles().contains("org.apache.felix.gogo.runtime"), shell.bundles().toString());
    assertTrue(shell.bundles().contains("org.apache.felix.gogo.command"), shell.bundles().toString());
    assertTrue(shell.bundles().contains("org.expressionmirror.shell"), shell.bundles().toString());
    assertTrue(shell.bundles().contains("org.apache.felix.scr"), "the pipeline comes with it: " + shell.bundles());
    // privacy: only the local console, never gogo.shell's telnetd or a JLine remote console
    assertTrue(shell.bundles().stream().noneMatch(b -> b.contains("gogo.shell") || b.contains("jline")), shell.bundles().toString());
  }
}

package org.expressionmirror.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserHomeTest {
  @TempDir Path dir;

  @Test
  void onLinuxItIsXdgDataHomeOrHomesLocalShare() {
    assertEquals(
        Path.of("/data/expression-mirror"),
        UserHome.locate(Map.of("XDG_DATA_HOME", "/data", "HOME", "/h"), "Linux", "/pw"));
    assertEquals(
        Path.of("/h/.local/share/expression-mirror"), UserHome.locate(Map.of("HOME", "/h"), "Linux", "/pw"));
    // a relative XDG_DATA_HOME is invalid by the spec; no HOME: the JVM's idea of home
    assertEquals(
        Path.of("/pw/.local/share/expression-mirror"),
        UserHome.locate(Map.of("XDG_DATA_HOME", "relative"), "Linux", "/pw"));
  }

  @Test
  void windowsAndMacHaveTheirOwnPlaces() {
    assertEquals(
        Path.of("C:/Users/a/AppData/Roaming", "Expression Mirror"),
        UserHome.locate(Map.of("APPDATA", "C:/Users/a/AppData/Roaming"), "Windows 11", "C:/Users/a"));
    assertEquals(
        Path.of("/Users/a/Library/Application Support/Expression Mirror"),
        UserHome.locate(Map.of("HOME", "/Users/a"), "Mac OS X", "/Users/a"));
  }

  @Test
  void theFirstStartCreatesTheFoldersAndAReadmeWithoutTouchingWhatIsThere() throws IOException {
    Path home = UserHome.prepare(dir.resolve("a/expression-mirror"));
    for (String sub : List.of("models", "deploy", "features")) {
      assertTrue(Files.isDirectory(home.resolve(sub)), sub);
    }
    String readme = Files.readString(home.resolve("README.txt"));
    assertTrue(readme.contains("models/") && readme.contains("deploy/") && readme.contains("features/"), readme);

    Files.writeString(home.resolve("README.txt"), "my notes");
    Files.writeString(home.resolve("models/mine.json"), "{}");
    UserHome.prepare(home);
    assertEquals("my notes", Files.readString(home.resolve("README.txt")));
    assertTrue(Files.exists(home.resolve("models/mine.json")));
  }

  @Test
  void aFolderThatCannotBeMadeIsNamed() throws IOException {
    Path file = Files.writeString(dir.resolve("plain-file"), "x");
    IOException e = assertThrows(IOException.class, () -> UserHome.prepare(file.resolve("sub")));
    assertTrue(e.getMessage().startsWith("cannot create the user folder " + file.resolve("sub")), e.getMessage());
    assertTrue(e.getMessage().contains("--home"), e.getMessage());
    // the system's reason ("Not a directory" here), not Java's exception name
    assertTrue(e.getMessage().contains("--home DIR chooses another): " + file.resolve("sub") + ": "), e.getMessage());
    assertTrue(!e.getMessage().contains("Exception"), e.getMessage());
  }

  @Test
  void aFileGivenAsTheFolderIsSaidToBeOne() throws IOException {
    Path file = Files.writeString(dir.resolve("plain-file"), "x");
    IOException e = assertThrows(IOException.class, () -> UserHome.prepare(file));
    assertEquals("the user folder " + file + " is a file, not a folder (--home DIR chooses another)", e.getMessage());
  }

  @Test
  void featuresAreLookedUpInTheUsersFolderFirst() throws IOException {
    Path user = Files.createDirectories(dir.resolve("user"));
    Path shipped = Files.createDirectories(dir.resolve("shipped"));
    Files.writeString(shipped.resolve("base.feature"), "bundle api\n");
    Files.writeString(shipped.resolve("mirror.feature"), "include base\nbundle window\n");
    Files.writeString(user.resolve("mirror.feature"), "include base\nbundle mine\n");
    Files.writeString(user.resolve("extra.feature"), "include mirror\nproperty k=v\n");

    assertEquals(List.of("api", "mine"), Feature.load(List.of(user, shipped), "mirror").bundles());
    Feature extra = Feature.load(List.of(user, shipped), "extra");
    assertEquals(List.of("api", "mine"), extra.bundles());
    assertEquals("v", extra.properties().get("k"));
    assertEquals(List.of("api", "window"), Feature.load(List.of(shipped), "mirror").bundles());

    IOException missing = assertThrows(IOException.class, () -> Feature.load(List.of(user, shipped), "nope"));
    assertTrue(missing.getMessage().contains(user.resolve("nope.json").toString()), missing.getMessage());
    assertTrue(missing.getMessage().contains(shipped.resolve("nope.json").toString()), missing.getMessage());
  }

  @Test
  void homeIsAnOptionOfTheMirrorAndOfEval() {
    assertEquals(Path.of("/u"), Options.parse(List.of("--home", "/u"), Path.of("c")).home());
    assertEquals(null, Options.parse(List.of(), Path.of("c")).home());
    assertEquals(
        Path.of("/u"), EvalOptions.parse(List.of("--dataset", "d", "--home", "/u"), Path.of("c")).toOptions().home());
    assertEquals(
        "--home needs a value",
        assertThrows(IllegalArgumentException.class, () -> Options.parse(List.of("--home"), Path.of("c")))
            .getMessage());
  }
}

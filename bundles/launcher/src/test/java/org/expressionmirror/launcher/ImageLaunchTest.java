package org.expressionmirror.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where the self-contained application keeps its runs' scratch folders: the user's cache folder. */
class ImageLaunchTest {
  @Test
  void onLinuxItIsXdgCacheHomeOrHomesCache() {
    assertEquals(
        Path.of("/cache/expression-mirror"),
        ImageLaunch.work(Map.of("XDG_CACHE_HOME", "/cache", "HOME", "/h"), "Linux", "/pw"));
    assertEquals(Path.of("/h/.cache/expression-mirror"), ImageLaunch.work(Map.of("HOME", "/h"), "Linux", "/pw"));
    // a relative XDG_CACHE_HOME is invalid by the spec; no HOME: the JVM's idea of home
    assertEquals(
        Path.of("/pw/.cache/expression-mirror"),
        ImageLaunch.work(Map.of("XDG_CACHE_HOME", "relative"), "Linux", "/pw"));
  }

  @Test
  void windowsAndMacHaveTheirOwnPlaces() {
    assertEquals(
        Path.of("C:/Users/a/AppData/Local", "Expression Mirror", "work"),
        ImageLaunch.work(Map.of("LOCALAPPDATA", "C:/Users/a/AppData/Local"), "Windows 11", "C:/Users/a"));
    assertEquals(
        Path.of("C:/Users/a", "AppData", "Local", "Expression Mirror", "work"),
        ImageLaunch.work(Map.of(), "Windows 11", "C:/Users/a"));
    assertEquals(
        Path.of("/Users/a/Library/Caches/Expression Mirror"),
        ImageLaunch.work(Map.of("HOME", "/Users/a"), "Mac OS X", "/Users/a"));
  }
}

package org.expressionmirror.pipeline.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Hashtable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What Config Admin delivers while a configuration's file is broken: the last good version. */
class KeepLastGoodConfigurationTest {
  @TempDir Path dir;

  private Hashtable<String, Object> read(Path file, String... keyValues) {
    Hashtable<String, Object> p = new Hashtable<>();
    p.put("service.pid", "mirror.pipeline");
    p.put(StartupCheck.FILE, file.toUri().toString());
    for (int i = 0; i < keyValues.length; i += 2) {
      p.put(keyValues[i], keyValues[i + 1]);
    }
    return p;
  }

  @Test
  void aBrokenFileGetsThePropertiesOfItsLastGoodVersion() throws Exception {
    KeepLastGoodConfiguration plugin = new KeepLastGoodConfiguration();
    Path file = dir.resolve("mirror.pipeline.cfg");
    Files.writeString(file, "detector=blazeface\n");
    Hashtable<String, Object> good = read(file, "detector", "blazeface");
    plugin.modifyConfiguration(null, good);
    assertEquals("blazeface", good.get("detector"));

    // what FileInstall makes of a garbled file: junk keys, the real ones gone
    Files.write(file, new byte[] {'d', 0, 1, '\n', 'x', 'y'});
    Hashtable<String, Object> junk = read(file, "d\u0000\u0001", "", "xy", "");
    plugin.modifyConfiguration(null, junk);
    assertEquals(read(file, "detector", "blazeface"), junk);

    // repaired: the new version goes through
    Files.writeString(file, "detector=haar\n");
    Hashtable<String, Object> fixed = read(file, "detector", "haar");
    plugin.modifyConfiguration(null, fixed);
    assertEquals("haar", fixed.get("detector"));
  }

  @Test
  void withoutAGoodVersionOrAFileNothingIsChanged() throws Exception {
    KeepLastGoodConfiguration plugin = new KeepLastGoodConfiguration();
    Path file = dir.resolve("mirror.pipeline.cfg");
    Files.writeString(file, "garbage\n");
    Hashtable<String, Object> junk = read(file, "garbage", "");
    plugin.modifyConfiguration(null, junk);
    assertEquals(read(file, "garbage", ""), junk);
    Hashtable<String, Object> noFile = new Hashtable<>();
    noFile.put("service.pid", "mirror.source");
    noFile.put("source", "camera:0");
    plugin.modifyConfiguration(null, noFile);
    assertEquals("camera:0", noFile.get("source"));
  }
}

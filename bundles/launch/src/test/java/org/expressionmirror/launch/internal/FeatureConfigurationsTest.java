package org.expressionmirror.launch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The precedence a feature's configurations take over the file's and over later edits. */
class FeatureConfigurationsTest {
  private final FeatureConfigurations plugin =
      new FeatureConfigurations(
          Map.of("mirror.pipeline", Map.of("detector", "haar", "smoother", "none")),
          Set.of("mirror.pipeline/detector"));

  private static Dictionary<String, Object> delivered(String detector, String smoother) {
    Dictionary<String, Object> d = new Hashtable<>();
    d.put("service.pid", "mirror.pipeline");
    d.put("detector", detector);
    d.put("smoother", smoother);
    d.put("model", "m");
    return d;
  }

  @Test
  void theFeatureWinsOverTheFileUntilItsValueIsStored() {
    Dictionary<String, Object> fromFile = delivered("blazeface", "ema");
    plugin.modifyConfiguration(null, fromFile);
    assertEquals("haar", fromFile.get("detector"));
    assertEquals("none", fromFile.get("smoother"));
    assertEquals("m", fromFile.get("model"));
  }

  @Test
  void anEditAfterTheValueWasStoredWinsUnlessTheKeyIsLocked() {
    plugin.modifyConfiguration(null, delivered("haar", "none"));
    // the window changes both: the unlocked smoother follows, the locked detector does not
    Dictionary<String, Object> edited = delivered("blazeface", "ema");
    plugin.modifyConfiguration(null, edited);
    assertEquals("ema", edited.get("smoother"));
    assertEquals("haar", edited.get("detector"));
  }

  @Test
  void theFileDeliveredAfterTheConfigurationTheFeatureCreatedStillLosesToTheFeature() {
    // Config Admin came first: the plugin created mirror.pipeline with the feature's values
    plugin.created("mirror.pipeline");
    Dictionary<String, Object> mineOnly = delivered("haar", "none");
    plugin.modifyConfiguration(null, mineOnly);
    assertEquals("none", mineOnly.get("smoother"));
    // then FileInstall read runtime-config: the file's smoother must not win (it did: the first
    // frame of a variant ran with the config folder's values)
    Dictionary<String, Object> fromFile = delivered("blazeface", "ema");
    fromFile.put(FeatureConfigurations.FILE, "file:/config/mirror.pipeline.cfg");
    plugin.modifyConfiguration(null, fromFile);
    assertEquals("none", fromFile.get("smoother"));
    assertEquals("haar", fromFile.get("detector"));
  }

  @Test
  void anEditOfTheConfigurationTheFeatureCreatedWins() {
    plugin.created("mirror.pipeline");
    plugin.modifyConfiguration(null, delivered("haar", "none"));
    // no file for this PID: the window's edit is the only way the value can differ
    Dictionary<String, Object> edited = delivered("blazeface", "ema");
    plugin.modifyConfiguration(null, edited);
    assertEquals("ema", edited.get("smoother"));
    assertEquals("haar", edited.get("detector"));
  }

  @Test
  void otherPidsAreLeftAlone() {
    Dictionary<String, Object> other = new Hashtable<>();
    other.put("service.pid", "mirror.smoother.ema");
    other.put("detector", "x");
    plugin.modifyConfiguration(null, other);
    assertEquals("x", other.get("detector"));
  }
}

package org.expressionmirror.pipeline.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationPlugin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Keeps the previous configuration in force while its file cannot be parsed. FileInstall turns
 * whatever it reads into a configuration, so a binary or garbled {@code .cfg} saved while the
 * program runs would otherwise reach the components as a configuration of junk keys, that is,
 * all defaults. Config Admin passes every configuration through this plugin before it is
 * delivered: one whose file does not pass {@link ConfigFileCheck} is given the last properties
 * that came from a good version of the file. {@link StartupCheck} reports the file once.
 */
// immediate: a delayed instance would be dropped between two uses and forget the good versions
@Component(immediate = true, property = ConfigurationPlugin.CM_RANKING + ":Integer=0")
public final class KeepLastGoodConfiguration implements ConfigurationPlugin {
  private final Map<String, Dictionary<String, Object>> lastGood = new ConcurrentHashMap<>();

  /** Remembers the configurations delivered before this plugin was there, if their files are good. */
  @Activate
  public KeepLastGoodConfiguration(@Reference ConfigurationAdmin configAdmin) throws IOException {
    try {
      Configuration[] all = configAdmin.listConfigurations("(" + StartupCheck.FILE + "=*)");
      for (Configuration c : all == null ? new Configuration[0] : all) {
        Dictionary<String, Object> p = c.getProperties();
        if (p != null) {
          modifyConfiguration(null, p);
        }
      }
    } catch (InvalidSyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  KeepLastGoodConfiguration() {}

  @Override
  public void modifyConfiguration(ServiceReference<?> reference, Dictionary<String, Object> properties) {
    Object pid = properties.get(Constants.SERVICE_PID);
    Optional<Path> file = StartupCheck.fileOf(properties.get(StartupCheck.FILE));
    if (pid == null || file.isEmpty()) {
      return;
    }
    if (!Files.isRegularFile(file.get()) || ConfigFileCheck.problem(file.get()).isEmpty()) {
      lastGood.put(pid.toString(), copy(properties));
      return;
    }
    Dictionary<String, Object> good = lastGood.get(pid.toString());
    if (good == null) {
      // nothing good seen yet: at start the program ends on this file anyway
      return;
    }
    // the service.* keys are Config Admin's own and may not be touched by a plugin
    for (String key : Collections.list(properties.keys())) {
      if (!key.startsWith("service.") && good.get(key) == null) {
        properties.remove(key);
      }
    }
    for (String key : Collections.list(good.keys())) {
      if (!key.startsWith("service.")) {
        properties.put(key, good.get(key));
      }
    }
  }

  private static Dictionary<String, Object> copy(Dictionary<String, Object> properties) {
    Hashtable<String, Object> copy = new Hashtable<>();
    for (String key : Collections.list(properties.keys())) {
      copy.put(key, properties.get(key));
    }
    return copy;
  }
}

package org.expressionmirror.display.swt.internal;

import java.io.IOException;
import java.util.Collections;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;
import java.util.function.Supplier;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** {@link ConfigStore} over the framework's Config Admin, which may come and go. */
final class ConfigAdminStore implements ConfigStore {
  /** Location "?" lets any bundle bind the configuration, as Felix FileInstall does. */
  private static final String ANY_LOCATION = "?";

  private final Supplier<ConfigurationAdmin> configAdmin;

  ConfigAdminStore(Supplier<ConfigurationAdmin> configAdmin) {
    this.configAdmin = configAdmin;
  }

  @Override
  public Map<String, Object> read(String pid) throws IOException {
    Configuration[] found;
    try {
      // listConfigurations does not create the configuration, unlike getConfiguration.
      found = admin().listConfigurations("(service.pid=" + pid + ")");
    } catch (InvalidSyntaxException e) {
      throw new IllegalArgumentException("not a configuration PID: '" + pid + "'", e);
    }
    if (found == null || found.length == 0 || found[0].getProperties() == null) {
      return Map.of();
    }
    Dictionary<String, Object> props = found[0].getProperties();
    Map<String, Object> map = new HashMap<>();
    for (String key : Collections.list(props.keys())) {
      map.put(key, props.get(key));
    }
    return map;
  }

  @Override
  public boolean write(String pid, Map<String, Object> properties, boolean force)
      throws IOException {
    Configuration config = admin().getConfiguration(pid, ANY_LOCATION);
    Dictionary<String, Object> dict = new Hashtable<>(properties);
    if (force) {
      config.update(dict);
      return true;
    }
    return config.updateIfDifferent(dict);
  }

  private ConfigurationAdmin admin() throws IOException {
    ConfigurationAdmin admin = configAdmin.get();
    if (admin == null) {
      throw new IOException("Config Admin is not running; the setting was not changed");
    }
    return admin;
  }
}

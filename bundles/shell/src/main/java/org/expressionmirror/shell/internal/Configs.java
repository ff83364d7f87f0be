package org.expressionmirror.shell.internal;

import java.io.IOException;
import java.util.Collections;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** Reads and changes configurations through Config Admin, as FileInstall and the window do. */
final class Configs {
  static final String PIPELINE = "mirror.pipeline";
  static final String SOURCE = "mirror.source";
  /** Location "?" lets whichever bundle owns the PID bind the configuration (FileInstall's too). */
  private static final String ANY_LOCATION = "?";

  private final ConfigurationAdmin admin;

  Configs(ConfigurationAdmin admin) {
    this.admin = admin;
  }

  /** The configuration's properties, empty when there is none (none is created). */
  Map<String, Object> read(String pid) throws IOException {
    Configuration c = find(pid);
    Map<String, Object> map = new HashMap<>();
    Dictionary<String, Object> props = c == null ? null : c.getProperties();
    if (props != null) {
      for (String key : Collections.list(props.keys())) {
        map.put(key, props.get(key));
      }
    }
    return map;
  }

  /**
   * Sets one key and keeps the others (FileInstall's file name among them, so its file still
   * owns the configuration).
   */
  void set(String pid, String key, Object value) throws IOException {
    Configuration c = admin.getConfiguration(pid, ANY_LOCATION);
    Dictionary<String, Object> props = c.getProperties() == null ? new Hashtable<>() : c.getProperties();
    props.put(key, value);
    c.update(props);
  }

  private Configuration find(String pid) throws IOException {
    try {
      Configuration[] found = admin.listConfigurations("(" + Constants.SERVICE_PID + "=" + pid + ")");
      return found == null || found.length == 0 ? null : found[0];
    } catch (InvalidSyntaxException e) {
      throw new IllegalArgumentException("not a configuration PID: '" + pid + "'", e);
    }
  }
}

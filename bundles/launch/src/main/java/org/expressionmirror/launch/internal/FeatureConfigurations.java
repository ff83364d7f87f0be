package org.expressionmirror.launch.internal;

import java.io.IOException;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationPlugin;

/**
 * Puts a feature's configurations in force: a Config Admin plugin ({@link
 * FeatureConfigurationsComponent}), which Config Admin waits for before it configures anything,
 * so no component ever sees a configuration without them: Config Admin passes every
 * configuration through this plugin on its way to a component.
 *
 * <p>Precedence: the config folder's file (runtime-config) &lt; the feature &lt; edits made while
 * running (the window, or saving the file again), except for locked keys, which keep the
 * feature's value whatever is edited. A value the feature sets is laid over the file's until it
 * has been written into the stored configuration once (after FileInstall has read the file);
 * from then on the stored configuration holds it, and an edit replaces it as usual. A PID with no
 * configuration yet is created with the feature's values when Config Admin starts.
 */
final class FeatureConfigurations implements ConfigurationPlugin {
  /** FileInstall's mark on a configuration read from a file. */
  static final String FILE = "felix.fileinstall.filename";

  private final Map<String, Map<String, String>> values;
  private final Set<String> locked;
  /** Unlocked values not yet seen in the stored configuration, by PID. */
  private final Map<String, Map<String, String>> pending = new ConcurrentHashMap<>();
  /** PIDs this plugin created with the feature's values because nothing had configured them. */
  private final Set<String> created = ConcurrentHashMap.newKeySet();
  private final ExecutorService writer =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "mirror-feature-configurations");
            t.setDaemon(true);
            return t;
          });
  private volatile ConfigurationAdmin admin;

  FeatureConfigurations(Map<String, Map<String, String>> values, Set<String> locked) {
    this.values = values;
    this.locked = locked;
    values.forEach(
        (pid, keys) -> {
          Map<String, String> open = new ConcurrentHashMap<>();
          keys.forEach((k, v) -> {
            if (!locked.contains(pid + "/" + k)) {
              open.put(k, v);
            }
          });
          pending.put(pid, open);
        });
  }

  @Override
  public void modifyConfiguration(ServiceReference<?> reference, Dictionary<String, Object> properties) {
    Object pid = properties.get(Constants.SERVICE_PID);
    Map<String, String> mine = pid == null ? null : values.get(pid.toString());
    if (mine == null) {
      return;
    }
    Map<String, String> open = pending.getOrDefault(pid.toString(), Map.of());
    // The configuration this plugin created holds the feature's own values: seeing them there
    // says nothing about the file, which FileInstall may deliver later (start-up order varies);
    // an edit of it (a value that differs, and no file) is an edit and wins.
    boolean ours = created.contains(pid.toString()) && properties.get(FILE) == null;
    boolean unwritten = false;
    for (Map.Entry<String, String> e : mine.entrySet()) {
      String key = e.getKey();
      Object stored = properties.get(key);
      boolean same = stored != null && e.getValue().equals(stored.toString());
      if (locked.contains(pid + "/" + key)) {
        properties.put(key, e.getValue());
      } else if (open.containsKey(key)) {
        if (same && !ours) {
          open.remove(key);
        } else if (!same && ours) {
          open.remove(key);
        } else if (!same) {
          properties.put(key, e.getValue());
          unwritten = true;
        }
      }
    }
    // once FileInstall has delivered the file, the feature's values are written over it, once
    if (unwritten && properties.get(FILE) != null) {
      String p = pid.toString();
      writer.execute(() -> write(p));
    }
  }

  /** Config Admin is up: PIDs no file or bundle has configured yet get the feature's values. */
  void configAdminStarted(ConfigurationAdmin configAdmin) {
    this.admin = configAdmin;
    for (String pid : values.keySet()) {
      try {
        Configuration[] found = configAdmin.listConfigurations("(" + Constants.SERVICE_PID + "=" + pid + ")");
        if (found == null || found.length == 0) {
          created(pid);
          Dictionary<String, Object> p = new Hashtable<>(values.get(pid));
          configAdmin.getConfiguration(pid, "?").update(p);
        }
      } catch (IOException | org.osgi.framework.InvalidSyntaxException e) {
        System.err.println("error: cannot configure " + pid + " from the feature: " + e.getMessage());
      }
    }
  }

  /** Notes that this plugin creates {@code pid}'s configuration from the feature's values. */
  void created(String pid) {
    created.add(pid);
  }

  /** Writes the unlocked values still pending into the stored configuration. */
  private void write(String pid) {
    ConfigurationAdmin a = admin;
    Map<String, String> open = pending.get(pid);
    if (a == null || open == null || open.isEmpty()) {
      return;
    }
    try {
      Configuration c = a.getConfiguration(pid, "?");
      Dictionary<String, Object> stored = c.getProperties();
      Map<String, Object> next = new HashMap<>();
      if (stored != null) {
        for (java.util.Enumeration<String> k = stored.keys(); k.hasMoreElements(); ) {
          String key = k.nextElement();
          next.put(key, stored.get(key));
        }
      }
      next.putAll(open);
      c.updateIfDifferent(new Hashtable<>(next));
    } catch (IOException | IllegalStateException e) {
      // the framework is stopping; the values stay laid over the file meanwhile
    }
  }

  void close() {
    writer.shutdownNow();
  }
}

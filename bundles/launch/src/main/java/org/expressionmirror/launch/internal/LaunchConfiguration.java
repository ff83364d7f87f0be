package org.expressionmirror.launch.internal;

import java.util.Map;

/**
 * One configuration the command line asks for.
 *
 * @param pid the configuration's PID, or the factory PID when {@code name} is set
 * @param name the name of a named factory configuration (it exists once), or null for a plain PID
 * @param properties its values
 */
record LaunchConfiguration(String pid, String name, Map<String, Object> properties) {
  LaunchConfiguration {
    properties = Map.copyOf(properties);
  }

  static LaunchConfiguration of(String pid, Map<String, Object> properties) {
    return new LaunchConfiguration(pid, null, properties);
  }
}

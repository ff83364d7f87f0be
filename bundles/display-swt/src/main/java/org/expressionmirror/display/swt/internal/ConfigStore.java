package org.expressionmirror.display.swt.internal;

import java.io.IOException;
import java.util.Map;

/**
 * The slice of Config Admin the window's controls need. Narrow so the control logic can be tested
 * without a framework; {@link ConfigAdminStore} is the real one.
 */
interface ConfigStore {
  /** Properties of the configuration, empty when it does not exist. */
  Map<String, Object> read(String pid) throws IOException;

  /**
   * Replaces the configuration's properties, creating it if needed.
   *
   * @param force update even when nothing changed, so its consumers are told again (a retry)
   * @return whether the configuration was updated
   */
  boolean write(String pid, Map<String, Object> properties, boolean force) throws IOException;
}

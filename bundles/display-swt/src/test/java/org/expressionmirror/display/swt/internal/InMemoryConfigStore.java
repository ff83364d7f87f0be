package org.expressionmirror.display.swt.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A real in-memory configuration store with Config Admin's update semantics (an unchanged write is
 * skipped unless forced); it records every update that reached "consumers".
 */
final class InMemoryConfigStore implements ConfigStore {
  /** An update consumers would have been told about. */
  record Update(String pid, Map<String, Object> properties) {}

  private final Map<String, Map<String, Object>> configs = new HashMap<>();
  private final List<Update> updates = new ArrayList<>();

  @Override
  public synchronized Map<String, Object> read(String pid) {
    return Map.copyOf(configs.getOrDefault(pid, Map.of()));
  }

  @Override
  public synchronized boolean write(String pid, Map<String, Object> properties, boolean force) {
    Map<String, Object> copy = new HashMap<>(properties);
    if (!force && copy.equals(configs.get(pid))) {
      return false;
    }
    configs.put(pid, copy);
    updates.add(new Update(pid, Map.copyOf(copy)));
    return true;
  }

  synchronized List<Update> updates() {
    return List.copyOf(updates);
  }
}

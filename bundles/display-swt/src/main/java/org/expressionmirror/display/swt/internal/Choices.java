package org.expressionmirror.display.swt.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The component ids registered right now, per kind, as the menus offer them: each id once, since
 * which of two services with the same id runs is decided by the pipeline, by the one rule of
 * {@link org.expressionmirror.api.Precedence}. Thread-safe.
 */
final class Choices {
  /** A swappable kind of component and its key in {@code mirror.pipeline}. */
  enum Kind {
    DETECTOR("detector"),
    MODEL("model"),
    SMOOTHER("smoother");

    final String key;

    Kind(String key) {
      this.key = key;
    }
  }

  private final Map<Kind, Map<Object, String>> ids = new ConcurrentHashMap<>();

  /** Records the id of a registered service, keyed by its service reference. */
  void add(Kind kind, Object service, Object id) {
    if (id != null) {
      ids.computeIfAbsent(kind, k -> new ConcurrentHashMap<>()).put(service, id.toString());
    }
  }

  void remove(Kind kind, Object service) {
    ids.getOrDefault(kind, Map.of()).remove(service);
  }

  /** Distinct ids of a kind, sorted. */
  List<String> ids(Kind kind) {
    return ids.getOrDefault(kind, Map.of()).values().stream().distinct().sorted().toList();
  }
}

package org.expressionmirror.evaluation.internal;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * Services of one kind by id, as DS binds and unbinds them, with a wait for one id: models appear
 * only after their golden check, possibly after the evaluation has started.
 *
 * @param <S> the service type
 */
public final class Available<S> {
  /** A service with its version property and its other properties. */
  public record Entry<S>(S service, String version, Map<String, Object> properties) {
    Entry(S service, String version) {
      this(service, version, Map.of());
    }
  }

  private final Map<String, Entry<S>> byId = new TreeMap<>();

  public synchronized void add(String id, S service, String version) {
    add(id, service, version, Map.of());
  }

  public synchronized void add(String id, S service, String version, Map<String, Object> properties) {
    byId.put(id, new Entry<>(service, version, Map.copyOf(properties)));
    notifyAll();
  }

  public synchronized void remove(String id, S service) {
    Entry<S> e = byId.get(id);
    if (e != null && e.service() == service) {
      byId.remove(id);
    }
  }

  /** Wakes the waiters: what they wait for besides the services (start-up complete) changed. */
  public synchronized void changed() {
    notifyAll();
  }

  /**
   * The service with this id, waiting up to {@code millis} or until {@code complete} says every
   * component the program starts with has registered; null when it did not appear.
   */
  public synchronized Entry<S> await(String id, long millis, BooleanSupplier complete)
      throws InterruptedException {
    long deadline = System.nanoTime() + millis * 1_000_000;
    while (!byId.containsKey(id)) {
      long left = (deadline - System.nanoTime()) / 1_000_000;
      if (left <= 0 || complete.getAsBoolean()) {
        return null;
      }
      wait(left);
    }
    return byId.get(id);
  }

  /** Ids present now, sorted, for messages. */
  public synchronized String ids() {
    return byId.isEmpty() ? "none" : String.join(", ", byId.keySet());
  }
}

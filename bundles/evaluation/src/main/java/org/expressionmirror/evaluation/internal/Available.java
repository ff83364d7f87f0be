package org.expressionmirror.evaluation.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.expressionmirror.api.Precedence;

/**
 * Services of one kind by id, as DS binds and unbinds them, with a wait for one id: models appear
 * only after their golden check, possibly after the evaluation has started. Of two services with
 * the same id the one that wins by {@link Precedence} is used, as in the pipeline.
 *
 * @param <S> the service type
 */
public final class Available<S> {
  /** A service with its version property and its other properties. */
  public record Entry<S>(S service, String version, Map<String, Object> properties) {}

  private record Held<S>(Entry<S> entry, Precedence precedence) {}

  private final Map<String, List<Held<S>>> byId = new TreeMap<>();

  /**
   * A service bound.
   *
   * @param properties what {@link Entry#properties()} carries
   * @param precedence decides between services with the same id
   */
  public synchronized void add(
      String id, S service, String version, Map<String, Object> properties, Precedence precedence) {
    byId.computeIfAbsent(id, k -> new ArrayList<>())
        .add(new Held<>(new Entry<>(service, version, Map.copyOf(properties)), precedence));
    notifyAll();
  }

  public synchronized void remove(String id, S service) {
    List<Held<S>> held = byId.get(id);
    if (held != null) {
      held.removeIf(h -> h.entry().service() == service);
      if (held.isEmpty()) {
        byId.remove(id);
      }
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
    return Precedence.best(byId.get(id), Held::precedence).map(Held::entry).orElseThrow();
  }

  /** Ids present now, sorted, for messages. */
  public synchronized String ids() {
    return byId.isEmpty() ? "none" : String.join(", ", byId.keySet());
  }
}

package org.expressionmirror.pipeline.internal;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.expressionmirror.api.Precedence;
import org.osgi.framework.Filter;

/**
 * The services of one kind (detectors, models or smoothers) currently registered, kept with their
 * properties so the pipeline can pick one by id between two frames. Bound and unbound by DS on any
 * thread; read by the pipeline thread.
 */
final class ServiceCatalog<S> {
  private final String kind;
  private final String idKey;
  private final String versionKey;
  private final Map<S, Map<String, Object>> services = new IdentityHashMap<>();

  ServiceCatalog(String kind, String idKey, String versionKey) {
    this.kind = kind;
    this.idKey = idKey;
    this.versionKey = versionKey;
  }

  String kind() {
    return kind;
  }

  synchronized void add(S service, Map<String, Object> properties) {
    services.put(service, Map.copyOf(properties));
    notifyAll();
  }

  synchronized void remove(S service) {
    services.remove(service);
    notifyAll();
  }

  /** The service with this id that matches the filter (null = any) and wins by {@link Precedence}. */
  synchronized Optional<Chosen<S>> find(String id, Filter filter) {
    return winner(
        services.entrySet().stream()
            .filter(e -> id.equals(e.getValue().get(idKey)))
            .filter(e -> filter == null || filter.matches(e.getValue()))
            .toList());
  }

  /** A property of this exact service, or null (also when it is no longer registered). */
  synchronized Object property(Object service, String key) {
    Map<String, Object> properties = services.get(service);
    return properties == null ? null : properties.get(key);
  }

  /** Whether this exact service object is still registered. */
  synchronized boolean contains(Object service) {
    return services.containsKey(service);
  }

  /** The service of all that match the filter (null = any) that wins by {@link Precedence}. */
  synchronized Optional<Chosen<S>> best(Filter filter) {
    return winner(
        services.entrySet().stream()
            .filter(e -> filter == null || filter.matches(e.getValue()))
            .toList());
  }

  private Optional<Chosen<S>> winner(List<Map.Entry<S, Map<String, Object>>> candidates) {
    return Precedence.best(candidates, e -> Precedence.of(e.getValue()))
        .map(e -> chosen(e.getKey(), e.getValue()));
  }

  /** Ids on offer, sorted, for error messages and the window's menus. */
  synchronized List<String> ids() {
    TreeSet<String> ids = new TreeSet<>();
    services.values().forEach(p -> ids.add(String.valueOf(p.get(idKey))));
    return new ArrayList<>(ids);
  }

  /** Wakes whoever waits for a change: something they wait on besides the catalog changed. */
  synchronized void changed() {
    notifyAll();
  }

  /** Waits until the catalog changes or the time runs out. */
  synchronized void awaitChange(long millis) throws InterruptedException {
    if (millis > 0) {
      wait(millis);
    }
  }

  private Chosen<S> chosen(S service, Map<String, Object> properties) {
    Object version = properties.get(versionKey);
    return new Chosen<>(
        service, String.valueOf(properties.get(idKey)), version == null ? "" : version.toString());
  }
}

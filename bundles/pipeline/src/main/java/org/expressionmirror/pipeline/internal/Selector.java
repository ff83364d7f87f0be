package org.expressionmirror.pipeline.internal;

import java.util.Optional;
import java.util.function.Consumer;
import org.osgi.framework.Filter;

/**
 * Keeps the component of one kind in use and decides, between two frames, whether the configured
 * one can take over. A wanted id that is not there keeps the current component (said once); a
 * current component that went away falls back to the default id, then to any available.
 */
final class Selector<S> {
  private final ServiceCatalog<S> catalog;
  private final String defaultId;
  private final Consumer<String> errors;
  private Chosen<S> current;
  private String reported = "";

  Selector(ServiceCatalog<S> catalog, String defaultId, Consumer<String> errors) {
    this.catalog = catalog;
    this.defaultId = defaultId;
    this.errors = errors;
  }

  /** The component to use now, or empty when no component of this kind can serve. */
  Optional<Chosen<S>> resolve(String wantedId, Filter filter) {
    Optional<Chosen<S>> wanted = catalog.find(wantedId, filter);
    if (wanted.isPresent()) {
      current = wanted.get();
      reported = "";
      return wanted;
    }
    if (current != null && catalog.contains(current.service())) {
      reportOnce(wantedId, "keeping '" + current.label() + "'");
      return Optional.of(current);
    }
    Optional<Chosen<S>> fallback = catalog.find(defaultId, filter).or(() -> catalog.best(filter));
    fallback.ifPresent(f -> reportOnce(wantedId, "falling back to '" + f.label() + "'"));
    current = fallback.orElse(null);
    return fallback;
  }

  /** Takes the wanted component only if it is there: used before the first frame. */
  Optional<Chosen<S>> resolveExact(String wantedId, Filter filter) {
    Optional<Chosen<S>> wanted = catalog.find(wantedId, filter);
    wanted.ifPresent(w -> current = w);
    return wanted;
  }

  /** The component in use, without looking for a new one. */
  Optional<Chosen<S>> current() {
    return Optional.ofNullable(current);
  }

  /** A message naming the wanted component and what is on offer. */
  String unavailable(String wantedId, Filter filter) {
    return "unknown "
        + catalog.kind()
        + " id '"
        + wantedId
        + "'"
        + (filter == null ? "" : " matching " + filter)
        + " (available: "
        + String.join(", ", catalog.ids())
        + ")";
  }

  private void reportOnce(String wantedId, String action) {
    String key = wantedId + action;
    if (!key.equals(reported)) {
      reported = key;
      errors.accept(unavailable(wantedId, null) + "; " + action);
    }
  }
}

package org.expressionmirror.pipeline.internal;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Keeps the second (B) component of one kind in compare mode and decides, between two frames,
 * which one serves: the configured id when it is there, none when the id is empty. A configured
 * id that is not there keeps what was in use before (the previous B component, or none), said
 * once, as an unknown id does for the first component.
 */
final class CompareChoice<S> {
  private final ServiceCatalog<S> catalog;
  private final String key;
  private final Consumer<String> errors;
  private final Supplier<String> origin;
  private Chosen<S> current;
  private String reported = "";

  /**
   * @param key the configuration key, e.g. {@code compare.model}, named in every message
   * @param origin the configuration's file (or PID when it has none), named in every message
   */
  CompareChoice(ServiceCatalog<S> catalog, String key, Consumer<String> errors, Supplier<String> origin) {
    this.catalog = catalog;
    this.key = key;
    this.errors = errors;
    this.origin = origin;
  }

  /** Whether the wanted id can be served now; an empty id (none) always can. */
  boolean available(String wantedId) {
    return wantedId.isEmpty() || catalog.find(wantedId, null).isPresent();
  }

  /** The component for the next frame, empty for none. */
  Optional<Chosen<S>> resolve(String wantedId) {
    if (wantedId.isEmpty()) {
      current = null;
      reported = "";
      return Optional.empty();
    }
    Optional<Chosen<S>> wanted = catalog.find(wantedId, null);
    if (wanted.isPresent()) {
      current = wanted.get();
      reported = "";
      return wanted;
    }
    if (current != null && !catalog.contains(current.service())) {
      current = null;
    }
    reportOnce(wantedId, current == null ? "no " + key : "keeping '" + current.label() + "'");
    return Optional.ofNullable(current);
  }

  /** A message naming the file, the key, the wanted id and what is on offer. */
  String unavailable(String wantedId) {
    return origin.get()
        + ": "
        + key
        + " = '"
        + wantedId
        + "' is not a "
        + catalog.kind()
        + " id on offer (available: "
        + String.join(", ", catalog.ids())
        + ")";
  }

  private void reportOnce(String wantedId, String action) {
    String message = unavailable(wantedId) + "; " + action;
    if (!message.equals(reported)) {
      reported = message;
      errors.accept(message);
    }
  }
}

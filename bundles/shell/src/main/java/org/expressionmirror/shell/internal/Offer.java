package org.expressionmirror.shell.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.expressionmirror.api.Precedence;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/**
 * One component on offer, as its service registration describes it.
 *
 * @param id what {@code use} selects it by
 * @param version its version property, empty when it has none
 * @param bundle the bundle that registered it ({@code symbolic-name version})
 * @param ranking its service ranking: of two with the same id the one that wins by {@link
 *     Precedence} is used
 * @param properties all its service properties (a model's source, licence, description, ...)
 */
record Offer(String id, String version, String bundle, int ranking, Map<String, Object> properties) {

  static Offer of(Kind kind, ServiceReference<?> ref) {
    Map<String, Object> props = new java.util.HashMap<>();
    for (String key : ref.getPropertyKeys()) {
      props.put(key, ref.getProperty(key));
    }
    Bundle b = ref.getBundle();
    String bundle = b == null ? "(gone)" : b.getSymbolicName() + " " + b.getVersion();
    Object version = props.get(kind.versionKey);
    return new Offer(
        String.valueOf(props.get(kind.idKey)),
        version == null ? "" : version.toString(),
        bundle,
        Precedence.of(props).ranking(),
        Map.copyOf(props));
  }

  /** The offers of one kind, sorted by id, then the one in use ({@link Precedence}) first. */
  static List<Offer> all(Kind kind, Collection<? extends ServiceReference<?>> refs) {
    List<Offer> offers = new ArrayList<>();
    if (refs != null) {
      refs.forEach(r -> offers.add(of(kind, r)));
    }
    offers.sort(
        Comparator.comparing(Offer::id)
            .thenComparing(o -> Precedence.of(o.properties()), Comparator.reverseOrder()));
    return offers;
  }

  /** The distinct ids, sorted: what an error lists. */
  static List<String> ids(List<Offer> offers) {
    TreeSet<String> ids = new TreeSet<>();
    offers.forEach(o -> ids.add(o.id()));
    return new ArrayList<>(ids);
  }

  /** {@code id@version}, as records name components. */
  String label() {
    return version.isEmpty() ? id : id + "@" + version;
  }

  String property(String key) {
    Object v = properties.get(key);
    return v == null ? "" : v.toString();
  }
}

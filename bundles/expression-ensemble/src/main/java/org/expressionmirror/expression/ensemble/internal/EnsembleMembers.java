package org.expressionmirror.expression.ensemble.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.expressionmirror.api.ExpressionModel;
import org.expressionmirror.api.Precedence;

/**
 * Keeps an ensemble registered exactly while all its members are: it is told of every expression
 * model that comes and goes (by a handle, e.g. its service reference) and registers a new ensemble
 * model whenever the set of member instances changes: a member replaced by a new version gives a
 * new ensemble version; the new one is registered before the old one goes.
 */
final class EnsembleMembers implements AutoCloseable {
  /** Publishes the ensemble; the component backs it with a service registration. */
  interface Registrar {
    Object register(EnsembleModel model, EnsembleSpec spec);

    void unregister(Object registration);
  }

  private record Known(String id, ExpressionModel model, Precedence precedence) {}

  private final Registrar registrar;
  private final Consumer<String> info;
  // Every model we were told of; of two with the same id the one that wins by Precedence is used.
  private final Map<Object, Known> known = new LinkedHashMap<>();
  private EnsembleSpec spec;
  private List<ExpressionModel> current;
  private EnsembleModel model;
  private Object registration;
  private boolean closed;

  EnsembleMembers(EnsembleSpec spec, Registrar registrar, Consumer<String> info) {
    this.spec = spec;
    this.registrar = registrar;
    this.info = info;
  }

  synchronized void add(Object handle, String id, ExpressionModel model, Precedence precedence) {
    // Our own service comes back through the same reference; it is never a member of itself.
    if (id == null || id.equals(spec.id())) {
      return;
    }
    known.put(handle, new Known(id, model, precedence));
    if (spec.members().contains(id)) {
      update();
    }
  }

  synchronized void remove(Object handle) {
    Known gone = known.remove(handle);
    if (gone != null && spec.members().contains(gone.id())) {
      update();
    }
  }

  /** A new configuration: the ensemble is rebuilt from the models already known. */
  synchronized void reconfigure(EnsembleSpec next) {
    spec = next;
    current = null;
    update();
  }

  /** The registered ensemble model, or null while a member is missing (for tests). */
  synchronized EnsembleModel model() {
    return model;
  }

  private void update() {
    if (closed) {
      return;
    }
    List<ExpressionModel> chosen = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (String id : spec.members()) {
      ExpressionModel m = used(id);
      if (m == null) {
        missing.add(id);
      }
      chosen.add(m);
    }
    if (!missing.isEmpty()) {
      if (registration != null) {
        retire("member " + missing + " is not available");
      }
      current = null;
      return;
    }
    if (chosen.equals(current)) {
      return;
    }
    EnsembleModel next = new EnsembleModel(spec, chosen);
    Object oldRegistration = registration;
    current = chosen;
    model = next;
    registration = registrar.register(next, spec);
    if (oldRegistration != null) {
      registrar.unregister(oldRegistration);
    }
    info.accept("ensemble '" + spec.id() + "' " + next.info().version() + " registered");
  }

  private ExpressionModel used(String id) {
    List<Known> withId = known.values().stream().filter(k -> k.id().equals(id)).toList();
    return Precedence.best(withId, Known::precedence).map(Known::model).orElse(null);
  }

  private void retire(String why) {
    registrar.unregister(registration);
    registration = null;
    model = null;
    info.accept("ensemble '" + spec.id() + "' unregistered: " + why);
  }

  @Override
  public synchronized void close() {
    if (registration != null) {
      retire("its configuration was removed");
    }
    closed = true;
  }
}

package org.expressionmirror.api;

import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which of two components with the same id is used: the one rule of the pipeline, the window's
 * menus, evaluation, training, the ensemble and the shell. The higher {@code service.ranking}
 * wins (missing counts as 0); of equal rankings the newer registration, the higher
 * {@code service.id}, wins. So a bundle dropped into {@code deploy/} that offers an id already
 * there takes over, a model re-registered after a reload replaces its old registration, and when
 * the newer one goes the older one serves again.
 *
 * @param ranking the service ranking
 * @param serviceId the framework's service id: later registrations have higher ones
 */
public record Precedence(int ranking, long serviceId) implements Comparable<Precedence> {
  /** The OSGi service property {@code service.ranking}. */
  public static final String RANKING = "service.ranking";

  /** The OSGi service property {@code service.id}. */
  public static final String SERVICE_ID = "service.id";

  private static final Comparator<Precedence> ORDER =
      Comparator.comparingInt(Precedence::ranking).thenComparingLong(Precedence::serviceId);

  /** The precedence of a service from its properties (as DS passes them to a bind method). */
  public static Precedence of(Map<String, ?> properties) {
    int ranking = properties.get(RANKING) instanceof Integer r ? r : 0;
    long id = properties.get(SERVICE_ID) instanceof Number n ? n.longValue() : 0;
    return new Precedence(ranking, id);
  }

  /** The item that wins by this rule; empty when there is none. */
  public static <T> Optional<T> best(
      Collection<? extends T> items, Function<? super T, Precedence> precedence) {
    T best = null;
    Precedence bestP = null;
    for (T item : items) {
      Precedence p = precedence.apply(item);
      if (bestP == null || p.compareTo(bestP) > 0) {
        best = item;
        bestP = p;
      }
    }
    return Optional.ofNullable(best);
  }

  /** Positive when this one wins over {@code other}. */
  @Override
  public int compareTo(Precedence other) {
    return ORDER.compare(this, other);
  }
}

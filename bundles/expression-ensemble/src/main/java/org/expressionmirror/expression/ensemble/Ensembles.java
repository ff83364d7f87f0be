package org.expressionmirror.expression.ensemble;

/**
 * Configuration and service property names of ensembles. An ensemble averages its members'
 * distributions as a weighted mixture: a label a member does not have counts as probability 0 for
 * that member, so the result sums to 1 without bias towards labels only some members know.
 */
public final class Ensembles {
  /** Factory configuration PID; one configuration per ensemble (keys id, members, weights). */
  public static final String PID = "mirror.ensemble";

  /** String[]: member model ids, in configuration order. */
  public static final String MEMBERS = "model.members";

  /** String[]: the members' weights after normalisation to sum 1, in member order. */
  public static final String WEIGHTS = "model.weights";

  private Ensembles() {}
}

package org.expressionmirror.evaluation.internal;

/** A problem that ends an evaluation; the message is the one line the user sees. */
public final class EvaluationException extends Exception {
  private static final long serialVersionUID = 1L;

  public EvaluationException(String message) {
    super(message);
  }
}

package org.expressionmirror.training.internal;

/** A problem that ends a training run; the message is the one line the user sees. */
final class TrainingException extends Exception {
  private static final long serialVersionUID = 1L;

  TrainingException(String message) {
    super(message);
  }
}

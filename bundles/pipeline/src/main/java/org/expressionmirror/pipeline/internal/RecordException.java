package org.expressionmirror.pipeline.internal;

/**
 * A result listener could not keep a frame's numbers (a record on a full disk): the run stops,
 * since a record that silently misses frames is not one. The message is the listener's own line.
 */
final class RecordException extends Exception {
  private static final long serialVersionUID = 1L;

  RecordException(String message, Throwable cause) {
    super(message, cause);
  }
}

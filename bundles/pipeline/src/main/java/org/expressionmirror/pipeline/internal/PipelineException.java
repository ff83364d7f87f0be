package org.expressionmirror.pipeline.internal;

/** A run cannot go on; the message names the component or setting at fault. */
final class PipelineException extends Exception {
  private static final long serialVersionUID = 1L;

  PipelineException(String message) {
    super(message);
  }

  PipelineException(String message, Throwable cause) {
    super(message, cause);
  }
}

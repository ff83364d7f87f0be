package org.expressionmirror.expression.onnx.internal;

/** A model that cannot be used; the message names the file and what is wrong, on one line. */
public final class ModelException extends Exception {
  private static final long serialVersionUID = 1L;

  ModelException(String message) {
    super(message);
  }

  ModelException(String message, Throwable cause) {
    super(message, cause);
  }
}

package org.expressionmirror.models.converter.tfjs;

/** The graph holds an op (or a variant of one) the converter does not translate. */
public final class UnsupportedOpException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public UnsupportedOpException(String message) {
    super(message);
  }
}

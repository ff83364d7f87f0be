package org.expressionmirror.models.supply;

import java.io.IOException;

/** A fetched file is missing or its sha256 differs from the pinned value. */
public final class PinMismatchException extends IOException {
  private static final long serialVersionUID = 1L;

  public PinMismatchException(String message) {
    super(message);
  }
}

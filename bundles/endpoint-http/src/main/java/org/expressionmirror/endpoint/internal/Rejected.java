package org.expressionmirror.endpoint.internal;

/** A request the endpoint refuses: the HTTP status and one line saying why. */
final class Rejected extends Exception {
  private static final long serialVersionUID = 1L;
  private final int status;

  Rejected(int status, String message) {
    super(message);
    this.status = status;
  }

  int status() {
    return status;
  }
}

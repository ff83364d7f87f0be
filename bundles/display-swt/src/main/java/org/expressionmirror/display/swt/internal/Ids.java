package org.expressionmirror.display.swt.internal;

/** Component ids as results carry them ({@code id@version}) and as configuration wants them. */
final class Ids {
  private Ids() {}

  /** {@code haar@4.10.0} to {@code haar}. */
  static String base(String idAtVersion) {
    if (idAtVersion == null) {
      return "";
    }
    int at = idAtVersion.indexOf('@');
    return at < 0 ? idAtVersion : idAtVersion.substring(0, at);
  }
}

package org.expressionmirror.display.swt.internal;

import java.util.Locale;

/**
 * Turns SWT's reasons for having no window into one line that says what to do. SWT reports a
 * missing GTK and an unusable display through its own messages, which name a native library or a
 * GTK call rather than the package a user installs or the variable they check.
 */
final class WindowTrouble {
  static final String GTK_MISSING =
      "GTK 3 is not installed, which the window needs: install it (Debian/Ubuntu: sudo apt-get install"
          + " libgtk-3-0; Fedora: sudo dnf install gtk3) or run with --headless";

  private WindowTrouble() {}

  /**
   * @param e what {@code new Display()} threw
   * @param display the DISPLAY variable, may be null
   */
  static String explain(Throwable e, String display) {
    String reason = String.valueOf(e.getMessage());
    String lower = reason.toLowerCase(Locale.ROOT);
    if (e instanceof UnsatisfiedLinkError && lower.contains("gtk")) {
      return "mirror window: " + GTK_MISSING + " (" + firstLine(reason) + ")";
    }
    if (lower.contains("gtk_init_check") || lower.contains("cannot open display")) {
      return "mirror window: cannot open the display "
          + (display == null || display.isBlank() ? "(DISPLAY is unset)" : "DISPLAY=" + display)
          + ": is the X server running and may this user use it (XAUTHORITY)? Or run with --headless";
    }
    return "mirror window: cannot open the display (" + firstLine(reason) + ")";
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}

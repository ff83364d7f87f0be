package org.expressionmirror.display.swt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.swt.SWT;
import org.eclipse.swt.SWTError;
import org.junit.jupiter.api.Test;

/** SWT's own failure messages, as it throws them, become a line that says what to do. */
class WindowTroubleTest {
  @Test
  void missingGtkNamesThePackageToInstall() {
    UnsatisfiedLinkError e =
        new UnsatisfiedLinkError(
            "Could not load SWT library. Reasons: \\n libgtk-3.so.0: cannot open shared object file");
    String line = WindowTrouble.explain(e, ":0");
    assertTrue(line.contains("GTK 3 is not installed"), line);
    assertTrue(line.contains("apt-get install libgtk-3-0"), line);
    assertTrue(line.contains("libgtk-3.so.0"), line);
  }

  @Test
  void aDisplayThatWillNotOpenIsNamed() {
    SWTError e = new SWTError(SWT.ERROR_NO_HANDLES, "gtk_init_check() failed");
    String line = WindowTrouble.explain(e, ":93");
    assertTrue(line.startsWith("mirror window: cannot open the display DISPLAY=:93:"), line);
    assertTrue(line.contains("--headless"), line);
  }

  @Test
  void anyOtherReasonIsPassedOnInOneLine() {
    String line = WindowTrouble.explain(new IllegalStateException("first\nsecond"), null);
    assertEquals("mirror window: cannot open the display (first)", line);
  }
}

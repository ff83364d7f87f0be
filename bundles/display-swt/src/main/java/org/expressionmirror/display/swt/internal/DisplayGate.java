package org.expressionmirror.display.swt.internal;

import java.util.Map;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Enables the window component only when there is a display. Touching SWT without one makes the
 * first {@code new Display()} fail and can hang inside GTK, so nothing here loads SWT classes.
 */
@Component(immediate = true)
public final class DisplayGate {
  @Activate
  public DisplayGate(ComponentContext context) {
    if (hasDisplay(System.getenv())) {
      context.enableComponent(MirrorWindowComponent.NAME);
    } else {
      System.err.println(
          "mirror window: no display (DISPLAY and WAYLAND_DISPLAY are unset); the window is off,"
              + " the rest runs headless (a file to its end; --out FILE.jsonl keeps the numbers)");
    }
  }

  /** Whether the environment names an X11 or Wayland display. */
  static boolean hasDisplay(Map<String, String> env) {
    return !env.getOrDefault("DISPLAY", "").isBlank()
        || !env.getOrDefault("WAYLAND_DISPLAY", "").isBlank();
  }
}

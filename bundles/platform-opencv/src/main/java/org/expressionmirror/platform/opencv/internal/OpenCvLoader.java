package org.expressionmirror.platform.opencv.internal;

import org.expressionmirror.platform.opencv.OpenCvRuntime;
import org.opencv.core.Core;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Loads the OpenCV natives once and then offers {@link OpenCvRuntime}.
 *
 * <p>{@code loadLocally()} extracts the library from the openpnp bundle and calls {@code
 * System.load} from a class of that bundle, so the natives bind to the openpnp bundle's class
 * loader, the one that defines the {@code org.opencv} classes with the native methods. A JNI
 * library can bind to only one class loader per JVM, so neither this bundle nor the openpnp bundle
 * may be updated at run time; the bundles that use OpenCV can be.
 */
@Component(immediate = true)
public final class OpenCvLoader implements OpenCvRuntime {
  private final String version;

  @Activate
  public OpenCvLoader() {
    load();
    preloadExitCleanup();
    // Touch the natives now so a broken library fails here, not in a consumer's first frame.
    version = Core.getVersionString();
  }

  /**
   * From java.library.path when the library is there (./mirror puts the distribution's unpacked
   * natives there), else unpacked from the openpnp bundle into the temp folder (63 MB, every
   * start). Both load through a class of the openpnp bundle, so the natives bind to its loader.
   */
  private static void load() {
    String file = System.mapLibraryName(Core.NATIVE_LIBRARY_NAME);
    for (String dir : System.getProperty("java.library.path", "").split(java.io.File.pathSeparator)) {
      if (!dir.isBlank() && java.nio.file.Files.isRegularFile(java.nio.file.Path.of(dir, file))) {
        nu.pattern.OpenCV.loadShared();
        return;
      }
    }
    nu.pattern.OpenCV.loadLocally();
  }

  /**
   * openpnp deletes its extracted copy from a JVM shutdown hook that needs a class it has not
   * loaded yet. After the framework has stopped, the openpnp bundle's wiring is gone, the class can
   * no longer be loaded and the hook dies with a NoClassDefFoundError (leaving 63 MB behind).
   * Loading that class now, through the openpnp bundle's own loader, lets the hook run.
   */
  private static void preloadExitCleanup() {
    try {
      Class.forName(
          "nu.pattern.OpenCV$TemporaryDirectory$2", false, nu.pattern.OpenCV.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      // Another openpnp build: only the temp clean-up is at stake, and the launcher cleans too.
    }
  }

  @Override
  public String version() {
    return version;
  }
}

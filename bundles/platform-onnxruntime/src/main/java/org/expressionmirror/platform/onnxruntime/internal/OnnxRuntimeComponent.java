package org.expressionmirror.platform.onnxruntime.internal;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import org.expressionmirror.platform.onnxruntime.OnnxRuntime;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Loads ONNX Runtime's natives once, from this bundle's class loader (a JNI library binds to the
 * class loader that loaded it, and this bundle is never updated at run time), and then registers
 * {@link OnnxRuntime}.
 */
@Component(immediate = true, service = OnnxRuntime.class)
public final class OnnxRuntimeComponent implements OnnxRuntime {
  private final OrtEnvironment environment;

  /**
   * ONNX Runtime's native code reads this once, when it first starts, and only then skips its
   * telemetry entirely (no upload, no database or device id in the user's cache folder).
   */
  static final String TELEMETRY_OFF = "ORT_DISABLE_TELEMETRY";

  @Activate
  public OnnxRuntimeComponent() throws OrtException {
    if (!"1".equals(System.getenv(TELEMETRY_OFF))) {
      // too late to switch it off from here: refuse rather than let ONNX Runtime phone home
      throw new IllegalStateException(
          "ONNX Runtime not started: set " + TELEMETRY_OFF + "=1 before the JVM starts (./mirror does),"
              + " or ONNX Runtime sends telemetry to Microsoft");
    }
    // getEnvironment() extracts and loads the natives on first use; doing it here means a
    // platform without natives fails at start, not on the first frame.
    this.environment = OrtEnvironment.getEnvironment();
    // the runtime switch too, in case a later ONNX Runtime reads the variable differently
    environment.setTelemetry(false);
  }

  @Override
  public OrtEnvironment environment() {
    return environment;
  }

  @Override
  public String version() {
    return environment.getVersion();
  }

  // No @Deactivate: ONNX Runtime closes its environment itself at JVM exit, and closing it while
  // other bundles still hold sessions would crash them.
}

package org.expressionmirror.platform.onnxruntime.internal;

import ai.onnxruntime.OrtEnvironment;
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

  @Activate
  public OnnxRuntimeComponent() {
    // getEnvironment() extracts and loads the natives on first use; doing it here means a
    // platform without natives fails at start, not on the first frame.
    this.environment = OrtEnvironment.getEnvironment();
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

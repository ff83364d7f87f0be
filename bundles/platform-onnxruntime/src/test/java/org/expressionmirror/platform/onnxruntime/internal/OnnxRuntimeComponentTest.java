package org.expressionmirror.platform.onnxruntime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import ai.onnxruntime.OrtEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class OnnxRuntimeComponentTest {
  @Test
  void loadsNativesAndReportsTheWrappedVersion() throws Exception {
    OnnxRuntimeComponent runtime = new OnnxRuntimeComponent();
    // version() calls into the native library, so this also proves the natives loaded.
    assertEquals("1.29.0", runtime.version());
    assertSame(OrtEnvironment.getEnvironment(), runtime.environment());
  }

  /**
   * With telemetry on, ONNX Runtime creates its event database and device id under the user's
   * cache folder as soon as the environment exists; the build points that folder into target/.
   */
  @Test
  void theEnvironmentStartsWithTelemetryOffAndLeavesNoTelemetryFiles() throws Exception {
    assertEquals("1", System.getenv(OnnxRuntimeComponent.TELEMETRY_OFF), "the build sets the opt-out");
    new OnnxRuntimeComponent();
    Path cache = Path.of(System.getenv("XDG_CACHE_HOME"));
    assertFalse(Files.exists(cache.resolve("Microsoft")), "ONNX Runtime wrote telemetry files in " + cache);
  }
}

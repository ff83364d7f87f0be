package org.expressionmirror.platform.onnxruntime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import ai.onnxruntime.OrtEnvironment;
import org.junit.jupiter.api.Test;

class OnnxRuntimeComponentTest {
  @Test
  void loadsNativesAndReportsTheWrappedVersion() {
    OnnxRuntimeComponent runtime = new OnnxRuntimeComponent();
    // version() calls into the native library, so this also proves the natives loaded.
    assertEquals("1.29.0", runtime.version());
    assertSame(OrtEnvironment.getEnvironment(), runtime.environment());
  }
}

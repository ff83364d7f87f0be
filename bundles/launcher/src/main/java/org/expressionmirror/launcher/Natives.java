package org.expressionmirror.launcher;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The natives the build unpacked into the distribution ({@code natives/}): loading them from there
 * saves each start from unpacking 94 MB of OpenCV and ONNX Runtime libraries into its scratch
 * folder. OpenCV's folder is on {@code java.library.path} (./mirror sets it; it cannot be set
 * later); ONNX Runtime reads {@code onnxruntime.native.path} when it first starts, so it is set
 * here, and only when both its libraries are there.
 */
final class Natives {
  static final String FOLDER = "natives";
  static final String ONNX_RUNTIME_PATH = "onnxruntime.native.path";

  private Natives() {}

  static void useUnpacked(Path home) {
    Path dir = home.resolve(FOLDER);
    if (System.getProperty(ONNX_RUNTIME_PATH) == null
        && Files.isRegularFile(dir.resolve(System.mapLibraryName("onnxruntime")))
        && Files.isRegularFile(dir.resolve(System.mapLibraryName("onnxruntime4j_jni")))) {
      System.setProperty(ONNX_RUNTIME_PATH, dir.toString());
    }
  }
}

/**
 * The ONNX Runtime platform: a service that is present only once ONNX Runtime's natives are loaded
 * in this bundle's class loader. Bundles that run ONNX models reference {@link
 * org.expressionmirror.platform.onnxruntime.OnnxRuntime} so they start only when ONNX Runtime is
 * usable, and import {@code ai.onnxruntime} from this bundle.
 */
@Export
@Version("1.0.0")
package org.expressionmirror.platform.onnxruntime;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

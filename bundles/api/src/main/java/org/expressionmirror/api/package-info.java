/**
 * The contract between the bundles of Expression Mirror: interfaces and immutable records only.
 * No OpenCV, ONNX Runtime or SWT type appears here, so each implementation can be swapped alone.
 */
@Export
@Version("1.7.0")
package org.expressionmirror.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

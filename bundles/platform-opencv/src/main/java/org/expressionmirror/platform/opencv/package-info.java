/**
 * OpenCV for the other bundles: {@link org.expressionmirror.platform.opencv.OpenCvRuntime} is
 * registered once the natives are loaded, and {@link org.expressionmirror.platform.opencv.FrameMats}
 * converts between API frames and OpenCV matrices.
 */
@Export
@Version("1.1.0")
package org.expressionmirror.platform.opencv;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

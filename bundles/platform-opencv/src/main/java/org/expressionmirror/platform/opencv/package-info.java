/**
 * OpenCV for the other bundles: {@link org.expressionmirror.platform.opencv.OpenCvRuntime} is
 * registered once the natives are loaded; {@link org.expressionmirror.platform.opencv.FrameMats}
 * converts between API frames and OpenCV matrices, and
 * {@link org.expressionmirror.platform.opencv.ImageFiles} decodes image files.
 */
@Export
@Version("1.3.0")
package org.expressionmirror.platform.opencv;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

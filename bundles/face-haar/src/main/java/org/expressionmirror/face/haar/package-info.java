/** Identifiers of the cascade face detectors and their chain, for configuration and service selection. */
@Export
@Version("2.0.0")
package org.expressionmirror.face.haar;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

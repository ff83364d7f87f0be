/** Identifiers of the Haar face detector, for configuration and service selection. */
@Export
@Version("1.0.0")
package org.expressionmirror.face.haar;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

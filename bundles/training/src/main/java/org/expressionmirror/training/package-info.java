/**
 * Training of a new expression head on a backbone's frozen features. {@link
 * org.expressionmirror.training.Training} names the configuration and the framework properties the
 * launcher's {@code train} command sets.
 */
@Export
@Version("1.3.0")
package org.expressionmirror.training;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

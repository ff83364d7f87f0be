/**
 * Evaluation of expression models on a labelled image folder. {@link
 * org.expressionmirror.evaluation.Evaluation} names the configuration and the framework properties
 * the launcher's {@code eval} command sets.
 */
@Export
@Version("1.2.0")
package org.expressionmirror.evaluation;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

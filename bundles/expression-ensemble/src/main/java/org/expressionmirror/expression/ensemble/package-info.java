/**
 * Ensembles of expression models: {@link org.expressionmirror.expression.ensemble.Ensembles} names
 * the factory configuration and the service properties of the registered {@link
 * org.expressionmirror.api.ExpressionModel} services.
 */
@Export
@Version("1.0.0")
package org.expressionmirror.expression.ensemble;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

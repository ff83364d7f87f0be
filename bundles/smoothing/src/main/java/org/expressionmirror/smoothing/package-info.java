/**
 * Smoothing of expression scores over source time, per face track: an exponential moving average
 * with a half-life, a sliding-window mean and none. The components register {@link
 * org.expressionmirror.api.Smoother} services; this package names their ids and PIDs.
 */
@Export
@Version("1.0.0")
package org.expressionmirror.smoothing;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

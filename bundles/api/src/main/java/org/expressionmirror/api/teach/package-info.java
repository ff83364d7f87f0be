/**
 * Teach mode: the mirror learns one person's expressions from their own face. The window hands
 * frames and face boxes to a {@link org.expressionmirror.api.teach.Teacher}, which keeps only the
 * backbone's features (never an image) and trains a personal model from them.
 */
@Export
@Version("1.0.0")
package org.expressionmirror.api.teach;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

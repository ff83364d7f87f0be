/**
 * Expression models run by ONNX Runtime, each defined by a model description (JSON) beside its
 * ONNX file in the models folder. {@link org.expressionmirror.expression.onnx.OnnxModels} names the
 * configuration and the service properties of the registered {@link
 * org.expressionmirror.api.ExpressionModel} services.
 */
@Export
@Version("1.1.0")
package org.expressionmirror.expression.onnx;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

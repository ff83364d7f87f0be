package org.expressionmirror.expression.onnx.internal;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Stands in for the service registry: what is published, by registration handle. */
final class PublishedModels implements ModelFolder.Registry {
  final Map<Integer, OnnxExpressionModel> published = new LinkedHashMap<>();
  private int next;

  @Override
  public Object register(OnnxExpressionModel model, Path description) {
    published.put(next, model);
    return next++;
  }

  @Override
  public void unregister(Object registration) {
    published.remove((Integer) registration);
  }
}

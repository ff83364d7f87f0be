package org.expressionmirror.expression.onnx.internal;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Which description owns each model id, across all sources (the models folder and every model
 * bundle): two services with one {@code model.id} would make a selection by id ambiguous, so the
 * first keeps it and the second is rejected naming the first.
 */
final class ModelIds {
  private final Map<String, Path> owners = new HashMap<>();

  /** Claims {@code id} for {@code description}; returns the other owner when it is taken. */
  synchronized Path claim(String id, Path description) {
    Path owner = owners.putIfAbsent(id, description);
    return owner == null || owner.equals(description) ? null : owner;
  }

  synchronized boolean isFree(String id) {
    return !owners.containsKey(id);
  }

  synchronized void release(String id, Path description) {
    owners.remove(id, description);
  }
}

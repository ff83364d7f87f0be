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
  // While the models folder is being replaced: the folder whose ids the new one may take over,
  // so its models are registered before the old ones go (else each would clash with itself).
  private Path handOverFrom;
  private Path handOverTo;

  /** Claims {@code id} for {@code description}; returns the other owner when it is taken. */
  synchronized Path claim(String id, Path description) {
    Path owner = owners.putIfAbsent(id, description);
    if (owner != null && owner.getParent().equals(handOverFrom) && description.getParent().equals(handOverTo)) {
      owners.put(id, description);
      return null;
    }
    return owner == null || owner.equals(description) ? null : owner;
  }

  /** Lets descriptions in {@code to} take over the ids of those in {@code from}; nulls end it. */
  synchronized void handOver(Path from, Path to) {
    handOverFrom = from;
    handOverTo = to;
  }

  synchronized boolean isFree(String id) {
    return !owners.containsKey(id);
  }

  synchronized void release(String id, Path description) {
    owners.remove(id, description);
  }
}

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
  /**
   * A description and the folder that loaded it. The folder counts too: when the models folder is
   * reloaded in place (only intraOpThreads changed), the old and the new folder share description
   * paths, and the old one closing must not release what the new one has taken over.
   */
  private record Owner(Path description, Object holder) {}

  private final Map<String, Owner> owners = new HashMap<>();
  // While the models folder is being replaced: the folder whose ids the new one may take over,
  // so its models are registered before the old ones go (else each would clash with itself).
  private Path handOverFrom;
  private Path handOverTo;

  /**
   * Claims {@code id} for {@code description}, loaded by {@code holder}; returns the other owner's
   * description when it is taken.
   */
  synchronized Path claim(String id, Path description, Object holder) {
    Owner owner = owners.get(id);
    if (owner == null
        || owner.equals(new Owner(description, holder))
        || owner.description().getParent().equals(handOverFrom) && description.getParent().equals(handOverTo)) {
      owners.put(id, new Owner(description, holder));
      return null;
    }
    return owner.description();
  }

  /** Lets descriptions in {@code to} take over the ids of those in {@code from}; nulls end it. */
  synchronized void handOver(Path from, Path to) {
    handOverFrom = from;
    handOverTo = to;
  }

  synchronized boolean isFree(String id) {
    return !owners.containsKey(id);
  }

  /** Gives up {@code id} if {@code holder} still owns it for {@code description}. */
  synchronized void release(String id, Path description, Object holder) {
    owners.remove(id, new Owner(description, holder));
  }
}

package org.expressionmirror.display.swt.internal;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.osgi.framework.BundleContext;

/**
 * The settings the running variant (feature) locks: the window shows them fixed and does not
 * change them. The launcher names them in framework properties ({@code mirror.feature}, {@code
 * mirror.feature.locked}: comma-separated {@code PID/key}); it also keeps their value in force
 * whatever is edited, so this is what the window shows, not what enforces the lock.
 *
 * @param feature the variant's name
 * @param keys locked {@code PID/key} pairs
 */
record Locks(String feature, Set<String> keys) {
  static final Locks NONE = new Locks("", Set.of());

  static Locks from(BundleContext context) {
    String feature = context.getProperty("mirror.feature");
    String locked = context.getProperty("mirror.feature.locked");
    if (feature == null || locked == null || locked.isBlank()) {
      return NONE;
    }
    Set<String> keys =
        Arrays.stream(locked.split(",")).map(String::strip).filter(k -> !k.isEmpty()).collect(Collectors.toSet());
    return new Locks(feature, keys);
  }

  /** The variant that locks {@code pid/key}, or empty. */
  Optional<String> lockedBy(String pid, String key) {
    return keys.contains(pid + "/" + key) ? Optional.of(feature) : Optional.empty();
  }
}

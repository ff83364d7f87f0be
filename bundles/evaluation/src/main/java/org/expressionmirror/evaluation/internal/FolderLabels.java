package org.expressionmirror.evaluation.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.expressionmirror.api.Expressions;

/**
 * Maps the name of a dataset's label folder onto a canonical expression label: the canonical names
 * themselves and the names data sets commonly use (FER2013's {@code angry}, {@code happy}, ...; the
 * adjectives {@code fearful}, {@code surprised}, {@code disgusted}; {@code normal} for neutral, as some
 * sets name it), case-insensitive.
 */
public final class FolderLabels {
  private static final Map<String, String> ALIASES =
      Map.of(
          "angry", Expressions.ANGER,
          "happy", Expressions.HAPPINESS,
          "sad", Expressions.SADNESS,
          "fearful", Expressions.FEAR,
          "surprised", Expressions.SURPRISE,
          "disgusted", Expressions.DISGUST,
          "normal", Expressions.NEUTRAL);

  private FolderLabels() {}

  /** The canonical label of a folder name, or empty when the name is not known. */
  public static Optional<String> canonical(String folderName) {
    String name = folderName.trim().toLowerCase(Locale.ROOT);
    if (Expressions.CANONICAL.contains(name)) {
      return Optional.of(name);
    }
    return Optional.ofNullable(ALIASES.get(name));
  }

  /** Every accepted folder name, sorted, for the message about an unknown one. */
  public static String accepted() {
    TreeMap<String, String> all = new TreeMap<>(ALIASES);
    Expressions.CANONICAL.forEach(l -> all.put(l, l));
    return String.join(", ", all.keySet());
  }
}

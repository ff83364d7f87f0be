package org.expressionmirror.pipeline.internal;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the failure Declarative Services recorded for a component that could not start into one
 * line for the user. DS converts configuration values to the typed configuration itself; a value
 * it cannot convert ends in a bare {@code NumberFormatException: For input string: "abc"}, which
 * names neither the file nor the key, so those are found in the configuration here, and the
 * allowed range is taken from the attribute's documented description.
 */
final class ComponentFailure {
  private static final Pattern WRAPPED =
      Pattern.compile("[\\w.$]+(?:Exception|Error): ([\\w.$]+(?:Exception|Error)(?:: .*)?)", Pattern.DOTALL);
  private static final Pattern INPUT = Pattern.compile("For input string: \"(.*)\"");

  /** An attribute of a configuration as its metatype documents it. */
  record Attribute(String type, String description) {}

  private ComponentFailure() {}

  /**
   * @param failure the failure text DS recorded (a stack trace)
   * @param pid the component's configuration PID
   * @param file the configuration's file, or null when it has none
   * @param config the configuration's properties (empty when there is none)
   * @param metatype the documented attribute for a key
   */
  static String describe(
      String component,
      String failure,
      String pid,
      String file,
      Map<String, Object> config,
      Function<String, Optional<Attribute>> metatype) {
    String root = rootCause(failure);
    String where = file != null ? file : pid;
    String message = root.contains(": ") ? root.substring(root.indexOf(": ") + 2) : root;
    if (root.startsWith("java.lang.IllegalArgumentException: ") && message.startsWith(pid + ": ")) {
      // our own validation: names key, value and range after the PID
      return where + ": " + message.substring(pid.length() + 2);
    }
    Matcher m = INPUT.matcher(message);
    if (root.startsWith("java.lang.NumberFormatException") && m.find()) {
      String value = m.group(1);
      for (Map.Entry<String, Object> e : config.entrySet()) {
        if (String.valueOf(e.getValue()).strip().equals(value.strip())) {
          return notANumber(where, e.getKey(), value, metatype.apply(e.getKey()));
        }
      }
    }
    return "component " + component + " cannot start" + (file == null ? "" : " with " + file) + ": " + message;
  }

  private static String notANumber(String where, String key, String value, Optional<Attribute> attribute) {
    String kind =
        attribute.map(a -> a.type().equals("Integer") || a.type().equals("Long")).orElse(false)
            ? "a whole number"
            : "a number";
    return where
        + ": "
        + key
        + " = '"
        + value
        + "' is not "
        + kind
        + attribute.map(a -> "; " + key + ": " + a.description().replaceAll("\\.$", "")).orElse("");
  }

  /**
   * The innermost exception of a stack trace text as "class: message": the last "Caused by", and
   * of a wrapper whose message is its cause's toString() (DS's ComponentException), the cause.
   */
  static String rootCause(String failure) {
    String[] lines = failure.split("\r?\n");
    String root = lines[0].strip();
    for (String line : lines) {
      String s = line.strip();
      if (s.startsWith("Caused by: ")) {
        root = s.substring("Caused by: ".length());
      }
    }
    Matcher wrapped = WRAPPED.matcher(root);
    while (wrapped.matches()) {
      root = wrapped.group(1);
      wrapped = WRAPPED.matcher(root);
    }
    return root;
  }
}

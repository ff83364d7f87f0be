package org.expressionmirror.pipeline.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Tells whether a {@code .cfg} file of the config folder can be read as key=value lines.
 * FileInstall skips or half-reads a file it cannot parse without telling the user, so a binary
 * file or a line that is not {@code key=value} would leave the program on defaults silently.
 * The rules are those of {@link java.util.Properties}, stricter in one point: a line must have
 * a {@code =} or {@code :} separator (a bare word is a typo, not a key with an empty value).
 */
final class ConfigFileCheck {
  private ConfigFileCheck() {}

  /** The problem with the file as one line naming file and line, or empty when it is fine. */
  static Optional<String> problem(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      return Optional.of(file + ": cannot be read (" + e.getMessage() + ")");
    }
    return problem(file.toString(), bytes);
  }

  static Optional<String> problem(String name, byte[] bytes) {
    int line = 1;
    for (byte b : bytes) {
      int c = b & 0xff;
      if (c == '\n') {
        line++;
      } else if (c < 0x20 && c != '\t' && c != '\r' && c != '\f') {
        return Optional.of(String.format("%s:%d: binary content (byte 0x%02x), not a key=value file", name, line, c));
      }
    }
    // FileInstall reads .cfg files as ISO-8859-1, as Properties does
    String[] lines = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).split("\r\n|\r|\n", -1);
    boolean continued = false;
    for (int i = 0; i < lines.length; i++) {
      String text = lines[i].stripLeading();
      boolean first = !continued;
      continued = endsWithOddBackslashes(text);
      if (!first || text.isEmpty() || text.startsWith("#") || text.startsWith("!")) {
        continue;
      }
      Optional<String> wrong = wrongLine(text);
      if (wrong.isPresent()) {
        return Optional.of(name + ":" + (i + 1) + ": " + wrong.get() + ": " + shorten(lines[i]));
      }
    }
    return Optional.empty();
  }

  private static Optional<String> wrongLine(String text) {
    int separator = separator(text);
    if (separator < 0) {
      return Optional.of("not a key=value line");
    }
    if (separator == 0) {
      return Optional.of("no key before '" + text.charAt(0) + "'");
    }
    int u = text.indexOf("\\u");
    while (u >= 0) {
      if (u + 6 > text.length() || !text.substring(u + 2, u + 6).matches("[0-9a-fA-F]{4}")) {
        return Optional.of("malformed \\uXXXX escape");
      }
      u = text.indexOf("\\u", u + 6);
    }
    return Optional.empty();
  }

  /** Index of the first unescaped '=' or ':', or -1. */
  private static int separator(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '=' || c == ':') {
        return i;
      }
    }
    return -1;
  }

  private static boolean endsWithOddBackslashes(String text) {
    int n = 0;
    for (int i = text.length() - 1; i >= 0 && text.charAt(i) == '\\'; i--) {
      n++;
    }
    return n % 2 == 1;
  }

  private static String shorten(String line) {
    String s = line.strip();
    return s.length() > 40 ? s.substring(0, 40) + "..." : s;
  }
}

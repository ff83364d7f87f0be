package org.expressionmirror.capture.opencv.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Drains a child process's error stream on a daemon thread, so the child never blocks on a full
 * pipe, and keeps its first few lines (bounded) to report why it failed. ffmpeg's messages are
 * reported without the {@code file:} prefix and object addresses it adds, so they read as one
 * stable line.
 */
final class StderrTail {
  static final int MAX_LINES = 8;
  static final int MAX_LINE_CHARS = 300;
  private static final Pattern CONTEXT = Pattern.compile("^\\[(\\S+) @ 0x[0-9a-fA-F]+\\] ");

  private final List<String> lines = new ArrayList<>(); // guarded by this
  private final Thread thread;

  StderrTail(InputStream stderr, String name) {
    this.thread = new Thread(() -> drain(stderr), name + " stderr");
    thread.setDaemon(true);
    thread.start();
  }

  private void drain(InputStream stderr) {
    try (Reader in = new InputStreamReader(stderr, StandardCharsets.UTF_8)) {
      StringBuilder line = new StringBuilder();
      for (int c = in.read(); c >= 0; c = in.read()) {
        if (c == '\n' || c == '\r') {
          keep(line);
          line.setLength(0);
        } else if (line.length() < MAX_LINE_CHARS) {
          line.append((char) c);
        }
      }
      keep(line);
    } catch (IOException e) {
      // The stream closes when the process is destroyed; what was read so far is kept.
    }
  }

  private synchronized void keep(CharSequence line) {
    String text = line.toString().strip();
    if (!text.isEmpty() && lines.size() < MAX_LINES) {
      lines.add(text);
    }
  }

  /** Waits briefly for the child's last words (its stream ends when it exits). */
  void awaitEnd(long millis) {
    try {
      thread.join(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The first line written, made readable: without the input's URL and ffmpeg's addresses. */
  synchronized Optional<String> firstLine(String url) {
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    String line = lines.get(0);
    if (line.startsWith(url + ": ")) {
      line = line.substring(url.length() + 2);
    }
    return Optional.of(CONTEXT.matcher(line).replaceFirst("$1: "));
  }
}

package org.expressionmirror.itests;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogListener;

/** Collects warnings and errors of the OSGi log (as given to a LogReaderService listener). */
final class LogRecorder implements LogListener {
  private final List<String> lines = new ArrayList<>();

  @Override
  public synchronized void logged(LogEntry entry) {
    if (LogLevel.WARN.implies(entry.getLogLevel())) { // WARN, ERROR or AUDIT
      String bundle = entry.getBundle() == null ? "?" : entry.getBundle().getSymbolicName();
      lines.add(entry.getLogLevel() + " " + bundle + ": " + entry.getMessage());
      notifyAll();
    }
  }

  synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  /** Waits for an error or warning containing every one of {@code parts}. */
  synchronized Optional<String> await(long timeoutMs, String... parts) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMs;
    while (true) {
      Optional<String> found =
          lines.stream().filter(l -> Arrays.stream(parts).allMatch(l::contains)).findFirst();
      long left = deadline - System.currentTimeMillis();
      if (found.isPresent() || left <= 0) {
        return found;
      }
      wait(left);
    }
  }
}

package org.expressionmirror.pipeline.internal;

import java.io.PrintStream;
import java.util.Collections;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;

/**
 * Prints warnings and errors of the OSGi log (components' loggers and DS itself) on the console,
 * one line each, so a rejected configuration or a model that failed its check is seen by the user.
 */
@Component(immediate = true)
public final class ConsoleLog implements LogListener {
  private final LogReaderService reader;
  private final PrintStream out = System.err;

  @Activate
  public ConsoleLog(@Reference LogReaderService reader) {
    this.reader = reader;
    reader.addLogListener(this);
    // what was logged before this component started (a bad configuration at start-up)
    List<LogEntry> earlier = Collections.list(reader.getLog());
    Collections.reverse(earlier);
    earlier.forEach(this::logged);
  }

  @Deactivate
  void deactivate() {
    reader.removeLogListener(this);
  }

  /** Our components' own notes, not the framework's bundle and service events. */
  private static boolean ours(LogEntry entry) {
    return entry.getBundle() != null
        && entry.getBundle().getSymbolicName().startsWith("org.expressionmirror")
        && !entry.getLoggerName().startsWith("Events.");
  }

  /** The log service wraps exceptions; the innermost one says what went wrong. */
  private static String rootCause(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.toString();
  }

  /**
   * What DS logs about a component that could not be activated, once per attempt and again for
   * every consumer that asks for its service. {@link StartupCheck} reports each such failure
   * once, naming the file, key and value, so these would only repeat it in DS's words.
   */
  static boolean activationNoise(String message) {
    return message != null
        && (message.contains("Error during instantiation of the implementation object")
            || message.contains("Could not get service from ref")
            || message.contains("Service factory returned null")
            || message.contains("Failed creating the component instance")
            || message.contains("Cannot create component instance due to failure"));
  }

  @Override
  public void logged(LogEntry entry) {
    if (activationNoise(entry.getMessage()) || activationNoise(String.valueOf(entry.getException()))) {
      return;
    }
    LogLevel level = entry.getLogLevel();
    // WARN, ERROR and AUDIT: WARN.implies(x) holds for those, x.implies(WARN) for INFO and DEBUG too
    if (LogLevel.WARN.implies(level) || (level == LogLevel.INFO && ours(entry))) {
      Throwable t = entry.getException();
      String name = entry.getBundle() == null ? "" : entry.getBundle().getSymbolicName() + ": ";
      out.println(level + " " + name + entry.getMessage() + (t == null ? "" : " (" + rootCause(t) + ")"));
    }
  }
}

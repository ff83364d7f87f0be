package org.expressionmirror.pipeline.internal;

import java.io.PrintStream;
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
  }

  @Deactivate
  void deactivate() {
    reader.removeLogListener(this);
  }

  @Override
  public void logged(LogEntry entry) {
    LogLevel level = entry.getLogLevel();
    boolean ours = entry.getBundle() != null && entry.getBundle().getSymbolicName().startsWith("org.expressionmirror");
    if (level.implies(LogLevel.WARN) || (ours && level == LogLevel.INFO)) {
      Throwable t = entry.getException();
      String name = entry.getBundle() == null ? "" : entry.getBundle().getSymbolicName() + ": ";
      out.println(level + " " + name + entry.getMessage() + (t == null ? "" : " (" + t + ")"));
    }
  }
}

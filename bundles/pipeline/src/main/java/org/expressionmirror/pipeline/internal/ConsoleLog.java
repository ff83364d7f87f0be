package org.expressionmirror.pipeline.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
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
  private static final Pattern COMPONENT = Pattern.compile("\\[([\\w.$]+)\\(\\d+\\)\\]");
  private static final int REMEMBERED = 500;
  private final LogReaderService reader;
  private final ConfigurationAdmin configAdmin;
  private final ServiceComponentRuntime scr;
  private final PrintStream out = System.err;
  /**
   * Entries printed lately: the replay of earlier entries and the listener can both see an
   * entry logged while this component starts, and each is printed once.
   */
  private final Map<LogEntry, Boolean> printed =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<LogEntry, Boolean> eldest) {
          return size() > REMEMBERED;
        }
      };

  @Activate
  public ConsoleLog(
      @Reference LogReaderService reader,
      @Reference ConfigurationAdmin configAdmin,
      @Reference ServiceComponentRuntime scr) {
    this.reader = reader;
    this.configAdmin = configAdmin;
    this.scr = scr;
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
    synchronized (printed) {
      if (printed.put(entry, Boolean.TRUE) != null) {
        return;
      }
    }
    if (activationNoise(entry.getMessage()) || activationNoise(String.valueOf(entry.getException()))) {
      return;
    }
    LogLevel level = entry.getLogLevel();
    // WARN, ERROR and AUDIT: WARN.implies(x) holds for those, x.implies(WARN) for INFO and DEBUG too
    if (LogLevel.WARN.implies(level) || (level == LogLevel.INFO && ours(entry))) {
      Throwable t = entry.getException();
      String name = entry.getBundle() == null ? "" : entry.getBundle().getSymbolicName() + ": ";
      Optional<String> rejected = rejectedChange(entry);
      if (rejected.isPresent()) {
        out.println(level + " " + name + rejected.get());
        return;
      }
      out.println(level + " " + name + inFile(entry.getMessage()) + (t == null ? "" : " (" + rootCause(t) + ")"));
    }
  }

  /**
   * DS's words for a new value it could not convert for a running component ("The modified
   * method has thrown an exception ... For input string"), said with file, key, value and range.
   * The component keeps its previous value: the exception came before anything was replaced.
   */
  private Optional<String> rejectedChange(LogEntry entry) {
    String message = entry.getMessage();
    Matcher m = COMPONENT.matcher(message == null ? "" : message);
    if (entry.getBundle() == null || entry.getException() == null
        || !message.contains("The modified method has thrown an exception") || !m.find()) {
      return Optional.empty();
    }
    ComponentDescriptionDTO d = scr.getComponentDescriptionDTO(entry.getBundle(), m.group(1));
    if (d == null || d.configurationPid.length == 0) {
      return Optional.empty();
    }
    String pid = d.configurationPid[0];
    Map<String, Object> config = properties(pid);
    String file = StartupCheck.fileOf(config.get(StartupCheck.FILE)).map(Object::toString).orElse(null);
    return Optional.of(
        ComponentFailure.describe(
                d.name, String.valueOf(entry.getException()), pid, file, config,
                key -> Metatype.attribute(entry.getBundle(), pid, key))
            + "; keeping the previous value");
  }

  /** A message that starts with a configuration's PID names the configuration's file instead. */
  private String inFile(String message) {
    int colon = message == null ? -1 : message.indexOf(": ");
    if (colon <= 0 || !message.substring(0, colon).matches("[\\w.-]+")) {
      return message;
    }
    return StartupCheck.fileOf(properties(message.substring(0, colon)).get(StartupCheck.FILE))
        .map(f -> f + ": " + message.substring(colon + 2))
        .orElse(message);
  }

  private Map<String, Object> properties(String pid) {
    try {
      Configuration[] found = configAdmin.listConfigurations("(service.pid=" + pid + ")");
      if (found == null || found[0].getProperties() == null) {
        return Map.of();
      }
      Map<String, Object> map = new HashMap<>();
      Dictionary<String, Object> p = found[0].getProperties();
      for (Enumeration<String> keys = p.keys(); keys.hasMoreElements(); ) {
        String k = keys.nextElement();
        map.put(k, p.get(k));
      }
      return map;
    } catch (IOException | InvalidSyntaxException e) {
      return Map.of();
    }
  }
}

package org.expressionmirror.pipeline.internal;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.log.Logger;

/** An OSGi Logger that keeps "LEVEL message" lines for assertions. */
final class RecordingLogger {
  final List<String> lines = new CopyOnWriteArrayList<>();
  final Logger logger =
      (Logger)
          Proxy.newProxyInstance(
              Logger.class.getClassLoader(),
              new Class<?>[] {Logger.class},
              (p, m, a) -> {
                if (m.getName().startsWith("is")) {
                  return true;
                }
                if (a != null && a.length > 0 && a[0] instanceof String format) {
                  lines.add(m.getName().toUpperCase() + " " + fill(format, a));
                }
                return m.getName().equals("getName") ? "test" : null;
              });

  /** Fills {} placeholders the way the OSGi Logger does. */
  private static String fill(String format, Object[] args) {
    String s = format;
    for (int i = 1; i < args.length; i++) {
      s = s.replaceFirst("\\{\\}", java.util.regex.Matcher.quoteReplacement(String.valueOf(args[i])));
    }
    return s;
  }
}

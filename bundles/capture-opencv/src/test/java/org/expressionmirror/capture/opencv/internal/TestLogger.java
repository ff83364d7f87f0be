package org.expressionmirror.capture.opencv.internal;

import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import org.osgi.service.log.Logger;

/** An OSGi Logger that keeps "level: message" lines, formatted like the OSGi Logger does. */
final class TestLogger {
  final List<String> lines = new CopyOnWriteArrayList<>();
  final Logger logger =
      (Logger)
          Proxy.newProxyInstance(
              Logger.class.getClassLoader(),
              new Class<?>[] {Logger.class},
              (proxy, method, args) -> {
                if (args != null && args.length > 0 && args[0] instanceof String f) {
                  Object[] values = Arrays.copyOfRange(args, 1, args.length);
                  lines.add(method.getName() + ": " + format(f, values));
                }
                return method.getReturnType() == boolean.class ? Boolean.TRUE : null;
              });

  private static String format(String pattern, Object[] args) {
    Object[] values = args.length == 1 && args[0] instanceof Object[] a ? a : args;
    String out = pattern;
    for (Object value : values) {
      out = out.replaceFirst("\\{}", Matcher.quoteReplacement(String.valueOf(value)));
    }
    return out;
  }
}

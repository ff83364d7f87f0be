package org.expressionmirror.face.blazeface.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * A {@link BlazeFaceConfig} over a property map, converting like Declarative Services does: a
 * missing key gives the annotation's default, a string is parsed, and a value that cannot be
 * converted throws when its method is called.
 */
final class TestConfigs {
  private TestConfigs() {}

  static BlazeFaceConfig of(Map<String, ?> properties) {
    return (BlazeFaceConfig)
        Proxy.newProxyInstance(
            BlazeFaceConfig.class.getClassLoader(),
            new Class<?>[] {BlazeFaceConfig.class},
            (proxy, method, args) -> {
              Object raw = properties.get(method.getName());
              if (raw == null) {
                return method.getDefaultValue();
              }
              String text = raw.toString();
              Class<?> type = method.getReturnType();
              if (type == double.class) {
                return Double.valueOf(text);
              } else if (type == int.class) {
                return Integer.valueOf(text);
              } else if (type == boolean.class) {
                if (!text.equals("true") && !text.equals("false")) {
                  throw new IllegalArgumentException("not a boolean: " + text);
                }
                return Boolean.valueOf(text);
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }
}

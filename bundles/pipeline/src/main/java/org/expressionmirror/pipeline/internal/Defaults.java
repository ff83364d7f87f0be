package org.expressionmirror.pipeline.internal;

import java.lang.reflect.Proxy;

/** An instance of a configuration annotation that answers every method with its default. */
final class Defaults {
  private Defaults() {}

  static <A> A of(Class<A> annotation) {
    Object proxy =
        Proxy.newProxyInstance(
            annotation.getClassLoader(),
            new Class<?>[] {annotation},
            (p, method, args) -> method.getDefaultValue());
    return annotation.cast(proxy);
  }
}

package org.expressionmirror.shell.internal;

import org.apache.felix.service.command.Converter;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Turns the words of a command line into bundles and service references, so that {@code inspect
 * capability service 12}, {@code headers org.expressionmirror.pipeline} or {@code stop 12} work.
 * Gogo's shell bundle has these converters, but it also brings a telnet server, which a program
 * that keeps the shell on standard input does not install.
 */
@Component(
    service = Converter.class,
    property = {
      Converter.CONVERTER_CLASSES + "=org.osgi.framework.Bundle",
      Converter.CONVERTER_CLASSES + "=org.osgi.framework.ServiceReference"
    })
public final class FrameworkConverter implements Converter {
  private final BundleContext context;

  @Activate
  public FrameworkConverter(BundleContext context) {
    this.context = context;
  }

  @Override
  public Object convert(Class<?> desiredType, Object in) throws InvalidSyntaxException {
    if (desiredType == Bundle.class) {
      return bundle(in.toString());
    }
    if (desiredType == ServiceReference.class) {
      ServiceReference<?>[] refs =
          context.getServiceReferences((String) null, "(|(service.id=" + in + ")(service.pid=" + in + "))");
      return refs == null || refs.length == 0 ? null : refs[0];
    }
    return null;
  }

  /** A bundle by id, symbolic name or location; null when there is none. */
  private Bundle bundle(String word) {
    try {
      return context.getBundle(Long.parseLong(word));
    } catch (NumberFormatException notAnId) {
      for (Bundle b : context.getBundles()) {
        if (word.equals(b.getSymbolicName()) || word.equals(b.getLocation())) {
          return b;
        }
      }
      return null;
    }
  }

  @Override
  public CharSequence format(Object target, int level, Converter escape) {
    if (target instanceof Bundle b && level != INSPECT) {
      return level == PART ? b.getSymbolicName() : b.getBundleId() + "|" + b.getSymbolicName() + " " + b.getVersion();
    }
    return null;
  }
}

package org.expressionmirror.launch.internal;

import java.io.IOException;
import java.util.Hashtable;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Writes the command line's configurations ({@link CommandLine}) into Config Admin once, when the
 * program starts: the application's launch, kept out of the engines, which only read their
 * configurations and process frames.
 */
@Component(immediate = true, service = {})
public final class LaunchComponent {
  @Activate
  public LaunchComponent(BundleContext context, @Reference ConfigurationAdmin configAdmin) throws IOException {
    for (LaunchConfiguration c : new CommandLine(context::getProperty, System.err::println).configurations()) {
      // "?" lets whichever bundle owns the PID bind to it
      Configuration configuration =
          c.name() == null
              ? configAdmin.getConfiguration(c.pid(), "?")
              : configAdmin.getFactoryConfiguration(c.pid(), c.name(), "?");
      configuration.update(new Hashtable<>(c.properties()));
    }
  }
}

package org.expressionmirror.pipeline.internal;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Carries the command line into Config Admin: the launcher sets framework properties ({@code
 * mirror.source}, {@code mirror.realtime}, {@code mirror.recursive}, {@code mirror.exitAtEnd},
 * {@code mirror.out}, {@code mirror.window}) and this component writes them as the {@code
 * mirror.source} and {@code mirror.record.jsonl} configurations, so everything after start-up is
 * configured one way only. It also makes
 * FileInstall watch the deploy folder ({@code mirror.deploy.dir}) for bundle jars.
 */
@Component(immediate = true)
public final class LaunchSettings {
  static final String SOURCE = "mirror.source";
  static final String OUT = "mirror.out";
  static final String DEPLOY = "mirror.deploy.dir";
  /** Framework property set by the launcher when a window will show the source. */
  static final String WINDOW = "mirror.window";

  @Activate
  public LaunchSettings(BundleContext context, @Reference ConfigurationAdmin configAdmin)
      throws IOException {
    String out = context.getProperty(OUT);
    boolean recording = out != null && !out.isBlank();
    if (recording) {
      Dictionary<String, Object> p = new Hashtable<>();
      p.put("path", out);
      p.put("enabled", Boolean.TRUE);
      update(configAdmin, "mirror.record.jsonl", p);
    }
    String source = context.getProperty(SOURCE);
    if (source != null && !source.isBlank()) {
      Dictionary<String, Object> p = new Hashtable<>();
      p.put("source", source);
      p.put("realtime", Boolean.parseBoolean(context.getProperty("mirror.realtime")));
      p.put("recursive", Boolean.parseBoolean(context.getProperty("mirror.recursive")));
      p.put("exitAtEnd", Boolean.parseBoolean(context.getProperty("mirror.exitAtEnd")));
      if (recording) {
        // DS holds the runner back until the writer is registered, so frame 0 is recorded
        p.put("record.cardinality.minimum", 1);
      }
      if (Boolean.parseBoolean(context.getProperty(WINDOW))) {
        // and until the window is open (it registers its view then), so it shows frame 0 too
        p.put("view.cardinality.minimum", 1);
      }
      update(configAdmin, SOURCE, p);
    }
    String deploy = context.getProperty(DEPLOY);
    if (deploy != null && !deploy.isBlank()) {
      watchDeployFolder(configAdmin, deploy);
    }
  }

  /**
   * A second FileInstall watcher (a factory configuration of FileInstall's PID) for the deploy
   * folder: bundle jars dropped there (model bundles with an Expression-Models header) are
   * installed and started, and uninstalled when removed. Named, so that it exists once.
   */
  private static void watchDeployFolder(ConfigurationAdmin configAdmin, String dir) throws IOException {
    Dictionary<String, Object> p = new Hashtable<>();
    p.put("felix.fileinstall.dir", dir);
    p.put("felix.fileinstall.filter", ".*\\.jar");
    p.put("felix.fileinstall.poll", "250");
    p.put("felix.fileinstall.noInitialDelay", "true");
    p.put("felix.fileinstall.bundles.new.start", "true");
    configAdmin.getFactoryConfiguration("org.apache.felix.fileinstall", "deploy", "?").update(p);
  }

  private static void update(ConfigurationAdmin configAdmin, String pid, Dictionary<String, Object> p)
      throws IOException {
    // "?" lets whichever bundle owns the PID bind to it
    Configuration c = configAdmin.getConfiguration(pid, "?");
    c.update(p);
  }
}

package org.expressionmirror.pipeline.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.stream.Stream;
import org.expressionmirror.api.StartupComplete;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleListener;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * Decides when start-up is over and whether it went wrong, instead of waiting out a timeout.
 * Start-up is over when every bundle is started, Declarative Services has activated every
 * immediate component it can (or recorded why not) and FileInstall has read every file of the
 * config folder. Then a component that could not start because of its configuration, or a file
 * of the config folder that cannot be parsed, ends the program with one line and exit code 2;
 * otherwise a {@link StartupComplete} service tells the waiting parts that nothing more is
 * coming. Afterwards the same checks run while the program runs: a broken file or a component
 * that fails is reported once, and the previous configuration stays in use. Components fail only
 * when something changes (a configuration, a bundle, a service), so after start-up Declarative
 * Services is asked about them every poll only for a while after such a change, and every {@link
 * #QUIET_SCAN_MS} otherwise: asking four times a second for nothing cost the running mirror about
 * half a percent of a core.
 */
@Component(immediate = true)
public final class StartupCheck {
  static final String CONFIG_DIR = "felix.fileinstall.dir";
  static final String FILE = "felix.fileinstall.filename";
  private static final long START_POLL_MS = 50;
  private static final long RUN_POLL_MS = 250;
  /** Polls in a row that must find start-up over: a state seen once may be a step between two. */
  private static final int SETTLED_POLLS = 3;
  /** A start-up that never settles (a bundle that cannot start) leaves the decision to timeouts. */
  private static final long GIVE_UP_MS = 60_000;
  /** How long after a change components are looked at every poll: an activation takes milliseconds. */
  static final long AFTER_CHANGE_MS = 5_000;
  /**
   * How often they are looked at otherwise: a failure that comes without an event (an activation
   * slower than {@link #AFTER_CHANGE_MS}, a delayed component fetched later) is reported this late.
   */
  static final long QUIET_SCAN_MS = 10_000;

  private final BundleContext context;
  private final ServiceComponentRuntime scr;
  private final ConfigurationAdmin configAdmin;
  private final Logger logger;
  private final IntConsumer exit;
  private final Thread thread;
  private final Set<String> reportedFailures = new HashSet<>();
  private final Map<Path, String> seenFiles = new HashMap<>();
  private final Changes changes = new Changes(System::nanoTime);
  private final BundleListener bundleEvents = e -> changes.happened();
  private final ServiceListener serviceEvents = e -> changes.happened();
  private final ServiceRegistration<ConfigurationListener> configurationEvents;
  private volatile boolean stopping;
  private ServiceRegistration<StartupComplete> complete;

  @Activate
  public StartupCheck(
      BundleContext context,
      @Reference ServiceComponentRuntime scr,
      @Reference ConfigurationAdmin configAdmin,
      @Reference(service = LoggerFactory.class) Logger logger,
      @Reference(cardinality = ReferenceCardinality.OPTIONAL, target = "(mirror.exit=true)")
          IntConsumer exit) {
    this.context = context;
    this.scr = scr;
    this.configAdmin = configAdmin;
    this.logger = logger;
    this.exit = exit;
    context.addBundleListener(bundleEvents);
    context.addServiceListener(serviceEvents);
    this.configurationEvents =
        context.registerService(ConfigurationListener.class, e -> changes.happened(), null);
    this.thread = new Thread(this::run, "mirror-startup-check");
    thread.setDaemon(true);
    thread.start();
  }

  @Deactivate
  void deactivate() throws InterruptedException {
    stopping = true;
    thread.interrupt();
    thread.join(2000);
    try {
      context.removeServiceListener(serviceEvents);
      context.removeBundleListener(bundleEvents);
      configurationEvents.unregister();
    } catch (IllegalStateException alreadyGone) {
      // the bundle is stopping: its listeners and services go with it
    }
    if (complete != null) {
      try {
        complete.unregister();
      } catch (IllegalStateException alreadyGone) {
        // unregistered with the bundle
      }
    }
  }

  private void run() {
    try {
      if (!awaitStartup()) {
        return;
      }
      long lastScan = System.nanoTime();
      while (!stopping) {
        Thread.sleep(RUN_POLL_MS);
        checkFiles().ifPresent(p -> logger.error("{}; the previous configuration stays", p));
        if (changes.within(AFTER_CHANGE_MS) || System.nanoTime() - lastScan >= QUIET_SCAN_MS * 1_000_000) {
          lastScan = System.nanoTime();
          newFailures().forEach(logger::error);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      // the framework is stopping under us (services gone); nothing left to check
      if (!stopping) {
        logger.warn("start-up check ended: {}", e.toString());
      }
    }
  }

  /** Waits for the end of start-up; false when the program is being ended for a start-up error. */
  private boolean awaitStartup() throws InterruptedException {
    long giveUp = System.nanoTime() + GIVE_UP_MS * 1_000_000;
    int settledPolls = 0;
    while (!stopping) {
      Optional<String> file = checkFiles();
      if (file.isPresent()) {
        return !startupError(file.get());
      }
      settledPolls = settled() ? settledPolls + 1 : 0;
      if (settledPolls >= SETTLED_POLLS || System.nanoTime() > giveUp) {
        List<String> failures = newFailures();
        if (!failures.isEmpty()) {
          return !startupError(failures.get(0));
        }
        if (settledPolls >= SETTLED_POLLS) {
          complete = context.registerService(StartupComplete.class, new StartupComplete() {}, null);
        }
        return true;
      }
      Thread.sleep(START_POLL_MS);
    }
    return false;
  }

  /** One line and exit code 2; true when the program ends. Without a launcher only logged. */
  private boolean startupError(String message) {
    if (exit == null) {
      logger.error(message);
      return false;
    }
    System.err.println("error: " + message);
    System.err.flush();
    stopping = true;
    exit.accept(2);
    return true;
  }

  private boolean settled() {
    for (Bundle b : context.getBundles()) {
      if (b.getHeaders("").get(Constants.FRAGMENT_HOST) == null && b.getState() != Bundle.ACTIVE) {
        return false;
      }
    }
    for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs()) {
      if (!scr.isComponentEnabled(d)) {
        continue;
      }
      for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
        // an immediate component that is satisfied but not active is being activated right now
        if (d.immediate && c.state == ComponentConfigurationDTO.SATISFIED) {
          return false;
        }
      }
    }
    return configFilesRead();
  }

  /** Whether FileInstall has turned every file of the config folder into a configuration. */
  private boolean configFilesRead() {
    Optional<Path> dir = configDir();
    if (dir.isEmpty()) {
      return true;
    }
    Set<Path> read = new HashSet<>();
    try {
      Configuration[] all = configAdmin.listConfigurations("(" + FILE + "=*)");
      for (Configuration c : all == null ? new Configuration[0] : all) {
        fileOf(c.getProperties().get(FILE)).ifPresent(read::add);
      }
    } catch (IOException | InvalidSyntaxException e) {
      return true;
    }
    return cfgFiles(dir.get()).stream().allMatch(read::contains);
  }

  /** The first file of the config folder that cannot be parsed and changed since last asked. */
  private Optional<String> checkFiles() {
    Optional<Path> dir = configDir();
    if (dir.isEmpty()) {
      return Optional.empty();
    }
    for (Path f : cfgFiles(dir.get())) {
      String stamp = stamp(f);
      if (stamp.equals(seenFiles.put(f, stamp))) {
        continue;
      }
      Optional<String> problem = ConfigFileCheck.problem(f);
      if (problem.isPresent()) {
        return problem;
      }
    }
    return Optional.empty();
  }

  /** Failures of components not reported before, one line each. */
  private List<String> newFailures() {
    List<String> lines = new java.util.ArrayList<>();
    for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs()) {
      for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
        if (c.state != ComponentConfigurationDTO.FAILED_ACTIVATION || c.failure == null) {
          continue;
        }
        String key = d.bundle.id + "/" + d.name + "/" + c.failure;
        if (reportedFailures.add(key)) {
          lines.add(describe(d, c));
        }
      }
    }
    return lines;
  }

  private String describe(ComponentDescriptionDTO d, ComponentConfigurationDTO c) {
    String pid = d.configurationPid.length > 0 ? d.configurationPid[0] : d.name;
    String file = fileOf(c.properties.get(FILE)).map(Path::toString).orElse(null);
    Bundle bundle = context.getBundle(d.bundle.id);
    Map<String, Object> config = new HashMap<>(c.properties);
    return ComponentFailure.describe(
        d.name, c.failure, pid, file, config,
        key -> bundle == null ? Optional.empty() : Metatype.attribute(bundle, pid, key));
  }

  private Optional<Path> configDir() {
    String dir = context.getProperty(CONFIG_DIR);
    return dir == null || dir.isBlank() ? Optional.empty() : Optional.of(Path.of(dir).toAbsolutePath().normalize());
  }

  private static List<Path> cfgFiles(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".cfg")).sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private static String stamp(Path f) {
    try {
      return Files.getLastModifiedTime(f) + "/" + Files.size(f);
    } catch (IOException e) {
      return "gone";
    }
  }

  /** FileInstall records a configuration's file as a URL. */
  static Optional<Path> fileOf(Object url) {
    if (url == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Path.of(URI.create(url.toString())).toAbsolutePath().normalize());
    } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
      return Optional.empty();
    }
  }
}

package org.expressionmirror.launcher;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * One Felix framework with the bundles of a feature. Bundles ask to end the program through an
 * {@link IntConsumer} service ({@code mirror.exit=true}) carrying the exit code, so no launcher
 * class has to be shared with them.
 */
final class FelixRuntime {
  private static final long STOP_WAIT_MS = 15_000;

  private final Path home;
  private final Path scratch;
  private final Feature feature;
  private final Map<String, String> properties;
  private final AtomicInteger exitCode = new AtomicInteger(0);
  private final AtomicBoolean exitRequested = new AtomicBoolean();
  private final Framework framework;
  /** Counted down once the run's scratch folder is gone; the shutdown hook waits for it. */
  private final CountDownLatch cleaned = new CountDownLatch(1);
  /** Held until the framework has stopped (the record's lock), or null. */
  private final Closeable held;
  private final StartupTiming timing;

  FelixRuntime(Path home, Path scratch, Feature feature, Map<String, String> properties, Closeable held) {
    this.home = home;
    this.scratch = scratch;
    this.feature = feature;
    this.properties = properties;
    this.held = held;
    this.timing = new StartupTiming(properties, System.err);
    properties.put(StartupTiming.LAUNCH_PROPERTY, Long.toString(timing.launchMillis()));
    timing.phase("before the framework (JVM start, command line, folders)");
    FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).iterator().next();
    this.framework = factory.newFramework(properties);
  }

  int runUntilStopped() throws IOException {
    Thread hook = new Thread(this::stopAndAwaitCleanUp, "mirror-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      framework.init();
      timing.phase("framework created and initialised");
      BundleContext context = framework.getBundleContext();
      Hashtable<String, Object> props = new Hashtable<>();
      props.put("mirror.exit", "true");
      context.registerService(IntConsumer.class, this::exit, props);
      List<Bundle> bundles = install(context);
      timing.phase("bundles installed");
      framework.start();
      timing.phase("framework started");
      start(bundles);
      timing.phase("bundles started");
      framework.waitForStop(0);
      return exitCode.get();
    } catch (BundleException e) {
      throw new IOException("cannot start the framework: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException alreadyShuttingDown) {
        // the hook is running: it stops the framework itself
      }
      try {
        release();
        AppDirs.delete(scratch);
      } finally {
        cleaned.countDown();
      }
    }
  }

  /**
   * Lets go of the record's lock once every bundle has stopped (the record is finished), and
   * before the shutdown hook lets the JVM halt.
   */
  private void release() {
    if (held == null) {
      return;
    }
    try {
      held.close();
    } catch (IOException e) {
      System.err.println("error: " + e.getMessage());
    }
  }

  /**
   * Ctrl-C or SIGTERM: stops the framework, then waits for the main thread to remove the scratch
   * folder, since the JVM halts as soon as the shutdown hooks return.
   */
  private void stopAndAwaitCleanUp() {
    stop();
    try {
      cleaned.await(STOP_WAIT_MS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private List<Bundle> install(BundleContext context) throws IOException, BundleException {
    List<Bundle> bundles = new ArrayList<>();
    for (String id : feature.bundles()) {
      Path jar = home.resolve("bundles").resolve(id + ".jar");
      if (!Files.isRegularFile(jar)) {
        throw new IOException("feature '" + feature.name() + "' names bundle " + id + ", but " + jar + " is missing");
      }
      // by reference: Felix reads the jar where it is instead of copying it (170 MB with the
      // natives inside) into its bundle cache on every start
      bundles.add(context.installBundle("reference:" + jar.toUri()));
    }
    return bundles;
  }

  /** Starts every bundle; one that cannot start is reported by name and the rest go on. */
  private void start(List<Bundle> bundles) {
    for (Bundle b : bundles) {
      if (exitRequested.get()) {
        // a component already ended the run (e.g. a bad source); the rest need not start
        return;
      }
      if (b.getHeaders().get(Constants.FRAGMENT_HOST) != null) {
        continue;
      }
      try {
        long t0 = System.nanoTime();
        b.start();
        timing.step("  " + b.getSymbolicName() + " started in", t0);
      } catch (BundleException e) {
        System.err.println("error: bundle " + b.getSymbolicName() + " cannot start: " + e.getMessage());
        if (Boolean.parseBoolean(properties.get("mirror.headless"))) {
          exit(2);
        }
      }
    }
  }

  private void exit(int code) {
    if (!exitRequested.compareAndSet(false, true)) {
      return;
    }
    exitCode.set(code);
    // stop from another thread: the caller is a component that the stop will deactivate
    Thread t = new Thread(this::stop, "mirror-exit");
    t.start();
  }

  private void stop() {
    try {
      framework.stop();
      framework.waitForStop(STOP_WAIT_MS);
    } catch (BundleException e) {
      System.err.println("error: stopping: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

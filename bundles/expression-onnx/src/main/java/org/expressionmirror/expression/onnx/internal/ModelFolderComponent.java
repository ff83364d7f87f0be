package org.expressionmirror.expression.onnx.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.expressionmirror.api.ExpressionModel;
import org.expressionmirror.expression.onnx.OnnxModels;
import org.expressionmirror.platform.onnxruntime.OnnxRuntime;
import org.expressionmirror.platform.opencv.OpenCvRuntime;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.util.tracker.BundleTracker;

/**
 * Registers an {@link ExpressionModel} service for each proven model in the models folder and
 * keeps the services in line with the folder while the program runs (drop-in and removal without
 * a restart). The first scan happens before activation returns, so the shipped models are there
 * when the framework has started. Model bundles (manifest header {@code Expression-Models}) add
 * their models while they are active.
 */
@Component(immediate = true, configurationPid = OnnxModels.PID, service = {})
@Designate(ocd = ModelsConfig.class)
public final class ModelFolderComponent {
  private final BundleContext context;
  private final OnnxRuntime onnx;
  private final Logger logger;
  private final ScheduledExecutorService scanner;
  // Model ids are unique across the folder and all model bundles.
  private final ModelIds ids = new ModelIds();
  private final BundleTracker<ModelFolder> modelBundles;
  // Replaced as a whole by modified(); the timer always scans the current folder.
  private volatile ModelFolder folder;
  // The user's folder (framework property, fixed for the run), or null; scanned after folder.
  private final ModelFolder userFolder;
  private volatile long rescanMillis;
  private int intraOpThreads;
  private ScheduledFuture<?> scanning;
  private final GoldenCache goldenCache;

  /**
   * Framework property (set by the launcher): the user's cache folder, where passed golden checks
   * are remembered under {@code golden/}; without it every start runs the golden vectors.
   */
  static final String CACHE_DIR_PROPERTY = "mirror.cache.dir";
  /** Framework property: {@code true} prints one {@code timing:} line per loaded model on stderr. */
  static final String TIMING_PROPERTY = "mirror.timing";
  /** Framework property: when the program was launched, epoch milliseconds (for timing lines). */
  static final String LAUNCH_PROPERTY = "mirror.launch.ms";

  @Activate
  public ModelFolderComponent(
      BundleContext context,
      ModelsConfig config,
      @Reference OnnxRuntime onnx,
      @Reference OpenCvRuntime openCv,
      @Reference(service = LoggerFactory.class) Logger logger) {
    this.context = context;
    this.onnx = onnx;
    this.logger = logger;
    this.goldenCache = goldenCache(context, onnx, logger);
    this.folder = open(config);
    this.intraOpThreads = config.intraOpThreads();
    this.folder.scan();
    this.userFolder = openUserFolder(config);
    if (userFolder != null) {
      userFolder.scan();
    }
    ModelLoader bundleLoader = loader(config);
    this.modelBundles = new BundleTracker<>(context, Bundle.ACTIVE, new ModelBundles(
        context.getDataFile("model-bundles").toPath(), bundleLoader, new ServiceRegistry(context, null), ids,
        logger::info, logger::error));
    this.modelBundles.open();
    this.scanner = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "mirror-models-scan");
      t.setDaemon(true);
      return t;
    });
    schedule(config.rescanMillis());
  }

  @Modified
  synchronized void modified(ModelsConfig config) {
    ModelFolder next;
    try {
      next = open(config);
    } catch (IllegalArgumentException e) {
      logger.error("{}; keeping the models folder {}", e.getMessage(), folder.dir());
      return;
    }
    ModelFolder old = folder;
    // Same folder, same threads (e.g. only rescanMillis changed, or the configuration was
    // deleted and the default is the folder in use): reloading would only drop the models briefly.
    if (!next.dir().equals(old.dir()) || config.intraOpThreads() != intraOpThreads) {
      // The new folder's models are registered before the old ones go, taking over their ids.
      ids.handOver(old.dir(), next.dir());
      try {
        next.scan();
      } finally {
        ids.handOver(null, null);
      }
      folder = next;
      intraOpThreads = config.intraOpThreads();
      old.close();
    }
    if (config.rescanMillis() != rescanMillis) {
      scanning.cancel(false);
      schedule(config.rescanMillis());
    }
  }

  @Deactivate
  synchronized void deactivate() throws InterruptedException {
    scanner.shutdownNow();
    scanner.awaitTermination(10, TimeUnit.SECONDS);
    modelBundles.close();
    folder.close();
    if (userFolder != null) {
      userFolder.close();
    }
  }

  private void schedule(long millis) {
    rescanMillis = millis;
    scanning = scanner.scheduleWithFixedDelay(this::scanAll, millis, millis, TimeUnit.MILLISECONDS);
  }

  /**
   * The folder, and the model bundles' copies too: their files never change, but a model refused
   * because another source had its id gets in once that id is free again.
   */
  private void scanAll() {
    folder.scan();
    if (userFolder != null) {
      userFolder.scan();
    }
    modelBundles.getTracked().values().forEach(ModelFolder::scan);
  }

  /**
   * The user's models folder from the framework property, or null when there is none. The
   * launcher creates it; a missing one (e.g. deleted while nothing ran) is reported, not fatal.
   */
  private ModelFolder openUserFolder(ModelsConfig config) {
    String dir = context.getProperty(OnnxModels.USER_DIR_PROPERTY);
    if (dir == null || dir.isBlank()) {
      return null;
    }
    if (!Files.isDirectory(Path.of(dir))) {
      logger.error("{} = {} is not a folder: models there are not read", OnnxModels.USER_DIR_PROPERTY, dir);
      return null;
    }
    ModelLoader loader = loader(config);
    return new ModelFolder(Path.of(dir), loader, new ServiceRegistry(context, null), ids, logger::info, logger::error);
  }

  /** A folder for the configuration, checked; the message names the key and the value. */
  private ModelFolder open(ModelsConfig config) {
    String dir = config.dir().isBlank() ? context.getProperty(OnnxModels.DIR_PROPERTY) : config.dir();
    if (dir == null || dir.isBlank()) {
      throw new IllegalArgumentException(
          OnnxModels.PID + ": no models folder: set key dir or the framework property " + OnnxModels.DIR_PROPERTY);
    }
    Path path = Path.of(dir);
    if (!Files.isDirectory(path)) {
      throw new IllegalArgumentException(OnnxModels.PID + ": dir = " + dir + " is not a folder");
    }
    if (config.intraOpThreads() < 1 || config.intraOpThreads() > 64) {
      throw new IllegalArgumentException(
          OnnxModels.PID + ": intraOpThreads = " + config.intraOpThreads() + " must be between 1 and 64");
    }
    if (config.rescanMillis() < 50) {
      throw new IllegalArgumentException(OnnxModels.PID + ": rescanMillis = " + config.rescanMillis() + " must be at least 50");
    }
    ModelLoader loader = loader(config);
    return new ModelFolder(path, loader, new ServiceRegistry(context, null), ids, logger::info, logger::error);
  }

  private ModelLoader loader(ModelsConfig config) {
    return new ModelLoader(onnx.environment(), config.intraOpThreads(), logger::info, goldenCache, timing(context));
  }

  private static GoldenCache goldenCache(BundleContext context, OnnxRuntime onnx, Logger logger) {
    String dir = context.getProperty(CACHE_DIR_PROPERTY);
    return dir == null || dir.isBlank()
        ? GoldenCache.NONE
        : new GoldenCache(Path.of(dir, "golden"), onnx.version(), logger::warn);
  }

  /** The start-up breakdown's lines, when it is asked for ({@code -Dmirror.timing=true}). */
  private static java.util.function.Consumer<String> timing(BundleContext context) {
    if (!Boolean.parseBoolean(context.getProperty(TIMING_PROPERTY))) {
      return line -> {};
    }
    String launch = context.getProperty(LAUNCH_PROPERTY);
    long launchMs = launch == null ? System.currentTimeMillis() : Long.parseLong(launch);
    return line -> System.err.printf(java.util.Locale.ROOT, "timing: %6.3f s  expression-onnx: %s%n",
        (System.currentTimeMillis() - launchMs) / 1000.0, line);
  }

  /** Model services with their description's facts as properties. */
  private record ServiceRegistry(BundleContext context, String bundle) implements ModelFolder.Registry {
    @Override
    public ModelFolder.Registry withBundle(String name) {
      return new ServiceRegistry(context, name);
    }

    @Override
    public Object register(OnnxExpressionModel model, Path description) {
      Hashtable<String, Object> props = new Hashtable<>();
      props.put(ExpressionModel.ID, model.info().id());
      props.put(ExpressionModel.VERSION, model.info().version());
      props.put(OnnxModels.LABELS, model.info().labels().toArray(String[]::new));
      props.put(OnnxModels.SOURCE, model.info().source());
      props.put(OnnxModels.LICENCE, model.info().licence());
      props.put(OnnxModels.INPUT, model.info().inputContract());
      props.put(OnnxModels.DESCRIPTION, description.toString());
      if (bundle != null) {
        props.put(OnnxModels.BUNDLE, bundle);
      }
      return context.registerService(ExpressionModel.class, model, props);
    }

    @Override
    public void unregister(Object registration) {
      try {
        ((ServiceRegistration<?>) registration).unregister();
      } catch (IllegalStateException e) {
        // Already gone with the bundle.
      }
    }
  }
}

package org.expressionmirror.pipeline.internal;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.expressionmirror.api.ExpressionModel;
import org.expressionmirror.api.FaceDetector;
import org.expressionmirror.api.FaceResult;
import org.expressionmirror.api.Frame;
import org.expressionmirror.api.FrameResult;
import org.expressionmirror.api.MirrorView;
import org.expressionmirror.api.ModelInput;
import org.expressionmirror.api.ResultListener;
import org.expressionmirror.api.RunSummary;
import org.expressionmirror.api.Smoother;
import org.expressionmirror.api.StartupComplete;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Holds what the pipeline can choose from: every registered detector, model and smoother (dynamic
 * references, so bundles come and go without restarting the pipeline), the listeners, and the
 * current {@code mirror.pipeline} settings. A configuration that fails validation is rejected and
 * the previous settings stay in force.
 */
@Component(service = PipelineComponent.class, configurationPid = Settings.PID, immediate = true)
@Designate(ocd = PipelineConfig.class)
public final class PipelineComponent {
  private final ServiceCatalog<FaceDetector> detectors =
      new ServiceCatalog<>("detector", FaceDetector.ID, FaceDetector.VERSION);
  private final ServiceCatalog<ExpressionModel> models =
      new ServiceCatalog<>("model", ExpressionModel.ID, ExpressionModel.VERSION);
  private final ServiceCatalog<Smoother> smoothers =
      new ServiceCatalog<>("smoother", Smoother.ID, Smoother.VERSION);
  private final List<ResultListener> listeners = new CopyOnWriteArrayList<>();
  private final List<MirrorView> views = new CopyOnWriteArrayList<>();
  /** The views registered with {@link MirrorView#MODEL_INPUT} true. */
  private final Set<MirrorView> wantInputs = ConcurrentHashMap.newKeySet();
  /** The views registered with {@link MirrorView#COPIES_PIXELS} true. */
  private final Set<MirrorView> copyPixels = ConcurrentHashMap.newKeySet();
  private final Logger logger;
  private final NewestFrame newest = new NewestFrame();
  // Why the source failed, until frames flow again: a window that opens after the failure (a
  // camera that cannot open fails before the window exists) must still show it.
  private volatile String lastFailure = "";
  private volatile Settings settings;
  private volatile String configError = "";
  /** The configuration's file, or the PID when it came from elsewhere: named in messages. */
  private volatile String origin = Settings.PID;
  private volatile boolean startupComplete;
  /** Cleared by the first run: what fails before it is a start-up error. */
  private final java.util.concurrent.atomic.AtomicBoolean firstRun = new java.util.concurrent.atomic.AtomicBoolean(true);

  @Activate
  public PipelineComponent(
      PipelineConfig config,
      Map<String, Object> properties,
      @Reference(service = LoggerFactory.class) Logger logger) {
    this.logger = logger;
    origin = originOf(properties);
    try {
      settings = Settings.from(config, properties);
    } catch (IllegalArgumentException e) {
      // nothing to keep yet: the run reports it (once, so not logged here) and the program exits 2
      configError = inFile(e.getMessage(), properties);
      settings = Settings.defaults();
    }
  }

  @Modified
  void modified(PipelineConfig config, Map<String, Object> properties) {
    try {
      Settings next = Settings.from(config, properties);
      settings = next;
      origin = originOf(properties);
      configError = "";
      logger.info(
          "pipeline: detector={} model={} smoother={}{}",
          next.detector(), next.model(), next.smoother(), compareText(next));
    } catch (IllegalArgumentException e) {
      logger.error("{}; keeping the previous configuration", inFile(e.getMessage(), properties));
    }
  }

  private static String originOf(Map<String, Object> properties) {
    return StartupCheck.fileOf(properties.get(StartupCheck.FILE)).map(Object::toString).orElse(Settings.PID);
  }

  /** The file (or PID) the settings in force came from. */
  String origin() {
    return origin;
  }

  private static String compareText(Settings s) {
    return s.comparing()
        ? " compare.detector=" + s.compareDetector() + " compare.model=" + s.compareModel()
        : "";
  }

  /** A message starting with the PID names the configuration's file instead, when it has one. */
  private static String inFile(String message, Map<String, Object> properties) {
    return StartupCheck.fileOf(properties.get(StartupCheck.FILE))
        .filter(f -> message.startsWith(Settings.PID + ": "))
        .map(f -> f + ": " + message.substring(Settings.PID.length() + 2))
        .orElse(message);
  }

  /**
   * Whether every component the program starts with has had its chance to register: a missing
   * one will not come by waiting.
   */
  boolean startupComplete() {
    return startupComplete;
  }

  /** True once, for the program's first run, whose failures are start-up errors. */
  boolean takeFirstRun() {
    return firstRun.getAndSet(false);
  }

  @Reference(
      service = StartupComplete.class,
      cardinality = ReferenceCardinality.OPTIONAL,
      policy = ReferencePolicy.DYNAMIC,
      unbind = "startupRestarted")
  void startupCompleted(StartupComplete marker) {
    startupComplete = true;
    detectors.changed();
  }

  void startupRestarted(StartupComplete marker) {
    startupComplete = false;
  }

  void error(String message) {
    logger.error(message);
  }

  void info(String message) {
    logger.info(message);
  }

  Settings settings() {
    return settings;
  }

  /** Why the configuration given at start was rejected, empty when it was fine. */
  String configError() {
    return configError;
  }

  ServiceCatalog<FaceDetector> detectors() {
    return detectors;
  }

  ServiceCatalog<ExpressionModel> models() {
    return models;
  }

  ServiceCatalog<Smoother> smoothers() {
    return smoothers;
  }

  PipelineRun newRun() {
    return new PipelineRun(this);
  }

  /** Whether some view wants the models' inputs with the frames. */
  boolean inputsWanted() {
    return !wantInputs.isEmpty();
  }

  /** A frame without the models' inputs (no view asked for them), never given back. */
  void publish(Frame frame, FrameResult result) throws RecordException {
    publish(frame, result, null, null, f -> {});
  }

  /**
   * Hands the frame to every listener and view, and {@code inputs} (what the model was fed, by
   * track; null when not gathered) to the views that asked for them only: they are pictures of the
   * face, and a listener (the record) must never see them. A listener that cannot write ({@link
   * UncheckedIOException}, see {@link ResultListener}) stops the run once everyone has the frame;
   * any other failure of a listener or view is logged and the run goes on.
   */
  void publish(
      Frame frame,
      FrameResult result,
      Map<Integer, List<ModelInput>> inputs,
      ExpressionModel model,
      Consumer<Frame> recycle)
      throws RecordException {
    NewestFrame.Shown shown = new NewestFrame.Shown(frame, result, model, recycle);
    lastFailure = "";
    RecordException failed = null;
    for (ResultListener l : listeners) {
      try {
        l.onResult(result);
      } catch (UncheckedIOException e) {
        failed = new RecordException(e.getMessage(), e);
      } catch (RuntimeException e) {
        logger.error("result listener " + l + " failed: " + e, e);
      }
    }
    for (MirrorView v : views) {
      show(v, shown, inputs);
    }
    // only now, when every view has been shown it: a frame is given back when a newer one
    // replaces it here, so never while its own publication still shows it, even when the run of
    // a replaced source is still publishing beside the new one
    newest.replace(shown);
    if (failed != null) {
      throw failed;
    }
  }

  private void show(MirrorView v, NewestFrame.Shown shown, Map<Integer, List<ModelInput>> inputs) {
    if (!copyPixels.contains(v)) {
      shown.keep();
    }
    try {
      if (inputs != null && wantInputs.contains(v)) {
        v.show(shown.frame(), shown.result(), Map.copyOf(inputs));
      } else {
        v.show(shown.frame(), shown.result());
      }
    } catch (RuntimeException e) {
      logger.error("view " + v + " failed: " + e, e);
    }
  }

  /** Tells the listeners that a run ended; one that cannot write its end fails the run. */
  void end(RunSummary summary) throws RecordException {
    RecordException failed = null;
    for (ResultListener l : listeners) {
      try {
        l.onEnd(summary);
      } catch (UncheckedIOException e) {
        failed = new RecordException(e.getMessage(), e);
      } catch (RuntimeException e) {
        logger.error("result listener " + l + " failed at the end: " + e, e);
      }
    }
    if (failed != null) {
      throw failed;
    }
  }

  void sourceFailed(String message) {
    lastFailure = message;
    for (MirrorView v : views) {
      try {
        v.sourceFailed(message);
      } catch (RuntimeException e) {
        logger.error("view " + v + " failed: " + e, e);
      }
    }
  }

  @Reference(
      name = "detectors",
      service = FaceDetector.class,
      cardinality = ReferenceCardinality.MULTIPLE,
      policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY,
      unbind = "removeDetector")
  void addDetector(FaceDetector detector, Map<String, Object> properties) {
    detectors.add(detector, properties);
  }

  void removeDetector(FaceDetector detector) {
    detectors.remove(detector);
  }

  @Reference(
      name = "models",
      service = ExpressionModel.class,
      cardinality = ReferenceCardinality.MULTIPLE,
      policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY,
      unbind = "removeModel")
  void addModel(ExpressionModel model, Map<String, Object> properties) {
    models.add(model, properties);
  }

  void removeModel(ExpressionModel model) {
    models.remove(model);
  }

  @Reference(
      name = "smoothers",
      service = Smoother.class,
      cardinality = ReferenceCardinality.MULTIPLE,
      policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY,
      unbind = "removeSmoother")
  void addSmoother(Smoother smoother, Map<String, Object> properties) {
    smoothers.add(smoother, properties);
  }

  void removeSmoother(Smoother smoother) {
    smoothers.remove(smoother);
  }

  @Reference(
      name = "listeners",
      service = ResultListener.class,
      cardinality = ReferenceCardinality.MULTIPLE,
      policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY,
      unbind = "removeListener")
  void addListener(ResultListener listener) {
    listeners.add(listener);
  }

  void removeListener(ResultListener listener) {
    listeners.remove(listener);
  }

  void addView(MirrorView view) {
    bindView(view, Map.of());
  }

  @Reference(
      name = "views",
      service = MirrorView.class,
      cardinality = ReferenceCardinality.MULTIPLE,
      policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY,
      updated = "updatedView",
      unbind = "removeView")
  void bindView(MirrorView view, Map<String, Object> properties) {
    if (wantsInputs(properties)) {
      wantInputs.add(view);
    }
    if (copiesPixels(properties)) {
      copyPixels.add(view);
    }
    views.add(view);
    // a window that opens late (or over a single photo, already processed) shows the newest frame
    newest.withNewest(shown -> show(view, shown, inputsOf(shown)));
    String failure = lastFailure;
    if (!failure.isEmpty()) {
      try {
        view.sourceFailed(failure);
      } catch (RuntimeException e) {
        logger.error("view " + view + " failed: " + e, e);
      }
    }
  }

  /** A view that starts asking for the models' inputs is shown the newest frame again with them. */
  void updatedView(MirrorView view, Map<String, Object> properties) {
    if (copiesPixels(properties)) {
      copyPixels.add(view);
    } else {
      copyPixels.remove(view);
    }
    if (!wantsInputs(properties)) {
      wantInputs.remove(view);
      return;
    }
    if (wantInputs.add(view)) {
      // the newest frame, not given back meanwhile; a newer one brings its own inputs
      newest.withNewest(shown -> show(view, shown, inputsOf(shown)));
    }
  }

  void removeView(MirrorView view) {
    views.remove(view);
    wantInputs.remove(view);
    copyPixels.remove(view);
  }

  private static boolean wantsInputs(Map<String, Object> properties) {
    return Boolean.parseBoolean(String.valueOf(properties.get(MirrorView.MODEL_INPUT)));
  }

  private static boolean copiesPixels(Map<String, Object> properties) {
    return Boolean.parseBoolean(String.valueOf(properties.get(MirrorView.COPIES_PIXELS)));
  }

  /**
   * What the model that read {@code shown} was fed for each face it read, read again; null when
   * no view wants it or the model has gone (the view then shows the frame without them).
   */
  private Map<Integer, List<ModelInput>> inputsOf(NewestFrame.Shown shown) {
    if (wantInputs.isEmpty() || shown.model() == null) {
      return null;
    }
    Map<Integer, List<ModelInput>> inputs = new LinkedHashMap<>();
    try {
      for (FaceResult face : shown.result().faces()) {
        if (face.read()) {
          List<ModelInput> seen = new ArrayList<>(1);
          shown.model().classify(shown.frame(), face.box(), seen::add);
          inputs.put(face.track(), List.copyOf(seen));
        }
      }
    } catch (RuntimeException e) {
      logger.info("the model's input for frame " + shown.result().frame() + " is not available: " + e.getMessage());
      return null;
    }
    return inputs;
  }

}

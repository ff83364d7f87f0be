package org.expressionmirror.training.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.expressionmirror.api.ExpressionModel;
import org.expressionmirror.api.FaceDetector;
import org.expressionmirror.api.StartupComplete;
import org.expressionmirror.api.teach.Teacher;
import org.expressionmirror.evaluation.internal.Available;
import org.expressionmirror.evaluation.internal.FerPlusLabels;
import org.expressionmirror.evaluation.internal.EvaluationException;
import org.expressionmirror.evaluation.internal.ReportJson;
import org.expressionmirror.evaluation.internal.RunServices;
import org.expressionmirror.platform.onnxruntime.OnnxRuntime;
import org.expressionmirror.platform.opencv.OpenCvRuntime;
import org.expressionmirror.training.Training;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Runs one training when a {@code mirror.train} configuration exists, on a thread of its own:
 * reads the dataset's layout, waits for the backbone model (registered only once proven) and the
 * detector, then {@link TrainingRun} does the rest; asks the program to exit (0, or 2 with one
 * line naming the problem).
 */
@Component(
    configurationPid = Training.PID,
    configurationPolicy = ConfigurationPolicy.REQUIRE,
    immediate = true,
    service = {})
@Designate(ocd = TrainConfig.class)
public final class TrainingComponent {
  /** Property of a model service: the path of its description (expression-onnx's). */
  static final String DESCRIPTION = "model.description";
  private static final long STOP_WAIT_MS = 5000;

  private final TrainConfig config;
  private final BundleContext context;
  private final OnnxRuntime onnx;
  private final Logger logger;
  private final IntConsumer exit;
  private final RunServices services = new RunServices();
  private final Thread thread;
  private volatile boolean stopping;

  @Activate
  public TrainingComponent(
      BundleContext context,
      TrainConfig config,
      @Reference OnnxRuntime onnx,
      @Reference OpenCvRuntime openCv,
      @Reference(service = LoggerFactory.class) Logger logger,
      // a constructor parameter, not a field: the thread started here may end before fields are set
      @Reference(cardinality = ReferenceCardinality.OPTIONAL, target = "(mirror.exit=true)") IntConsumer exit) {
    this.config = config;
    this.context = context;
    this.onnx = onnx;
    this.logger = logger;
    this.exit = exit;
    this.thread = new Thread(this::run, "mirror-train");
    thread.start();
  }

  @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
  void bindModel(ExpressionModel model, Map<String, Object> props) {
    services.addModel(model, props);
  }

  void unbindModel(ExpressionModel model, Map<String, Object> props) {
    services.removeModel(model, props);
  }

  @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
  void bindDetector(FaceDetector detector, Map<String, Object> props) {
    services.addDetector(detector, props);
  }

  void unbindDetector(FaceDetector detector, Map<String, Object> props) {
    services.removeDetector(detector, props);
  }

  /** Once start-up is complete, an id that is not there will not come by waiting. */
  @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, unbind = "startupRestarted")
  void startupCompleted(StartupComplete marker) {
    services.startupCompleted();
  }

  void startupRestarted(StartupComplete marker) {
    services.startupRestarted();
  }

  @Deactivate
  void stop() throws InterruptedException {
    stopping = true;
    thread.interrupt();
    thread.join(STOP_WAIT_MS);
  }

  private void run() {
    int code;
    try {
      train();
      code = 0;
    } catch (TrainingException e) {
      System.out.flush();
      System.err.println("error: " + e.getMessage());
      code = 2;
    } catch (InterruptedException e) {
      return;
    } catch (RuntimeException e) {
      logger.error("training failed", e);
      System.err.println("error: training failed: " + e);
      code = 2;
    }
    System.out.flush();
    if (!stopping && config.exitAtEnd() && exit != null) {
      exit.accept(code);
    }
  }

  private void train() throws TrainingException, InterruptedException {
    // Everything that can be refused without the models is refused before waiting for them.
    String name = config.name().trim();
    if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
      throw new TrainingException("--name " + name + " is not a model id: letters, digits, '.', '_' and '-', at most 64");
    }
    if (!(config.classWeights() >= 0 && config.classWeights() <= 1)) {
      throw new TrainingException(Training.CLASS_WEIGHTS + " = " + config.classWeights() + " must be between 0 and 1");
    }
    if (!(config.l2() >= 0) || Double.isInfinite(config.l2())) {
      throw new TrainingException(Training.L2 + " = " + config.l2() + " must be 0 or more");
    }
    String targets = config.targets().trim();
    if (!targets.equals(TrainingSet.SOFT) && !targets.equals(TrainingSet.HARD)) {
      throw new TrainingException(Training.TARGETS + " = " + targets + " must be " + TrainingSet.SOFT + " or " + TrainingSet.HARD);
    }
    FerPlusLabels.Rule rule;
    try {
      rule = FerPlusLabels.Rule.of(config.labelRule().trim());
    } catch (IllegalArgumentException e) {
      throw new TrainingException(Training.LABEL_RULE + " = " + e.getMessage());
    }
    double blend = blend(config.blend());
    if (blend != Blend.NONE && config.onePerson()) {
      throw new TrainingException("--blend " + config.blend().trim() + " is not available with --one-person");
    }
    if (config.folds() < 2) {
      throw new TrainingException("--folds " + config.folds() + ": cross-validation needs at least 2 folds");
    }
    Path outDir = outDir();
    String shipped = context.getProperty("mirror.models.dir");
    if (shipped != null && Files.isRegularFile(Path.of(shipped, name + ".json")) && !outDir.equals(Path.of(shipped))) {
      throw new TrainingException("--name " + name + " is the id of a shipped model (" + Path.of(shipped, name + ".json") + "): choose another name");
    }
    if (name.equals(Teacher.MODEL_ID)) {
      throw new TrainingException("--name " + name + " is Teach mode's model in memory: choose another name");
    }
    Path report = config.report().isBlank() ? null : Path.of(config.report());
    if (report != null) {
      try {
        ReportJson.checkTarget(report); // before hours of work, as eval does
      } catch (EvaluationException e) {
        throw new TrainingException(e.getMessage());
      }
    }
    TrainingSet set = TrainingSet.read(Path.of(config.dataset()), config.labels().isBlank() ? null : Path.of(config.labels()), rule);
    TrainingSet validation = config.validation().isBlank() ? null : TrainingSet.read(Path.of(config.validation()), null, rule);
    if (targets.equals(TrainingSet.HARD)) {
      set = set.withHardTargets();
      validation = validation == null ? null : validation.withHardTargets();
    }
    long wait = TimeUnit.SECONDS.toMillis(config.waitSeconds());
    Available.Entry<ExpressionModel> model = services.model(config.backbone(), wait);
    if (model == null) {
      throw new TrainingException("unknown backbone model id '" + config.backbone() + "' (available models: " + services.modelIds() + ")");
    }
    Object description = model.properties().get(DESCRIPTION);
    if (description == null) {
      throw new TrainingException("backbone '" + config.backbone() + "' is not an ONNX model with a description file");
    }
    // an id the program already gives to a model without a file (an ensemble) would win over the
    // file written under it: the new model could never be selected
    Available.Entry<ExpressionModel> same = services.model(name, wait);
    if (same != null && same.properties().get(DESCRIPTION) == null) {
      throw new TrainingException("--name " + name + " is the id of a model the program already has that is not a model file"
          + " (e.g. an ensemble of runtime-config): choose another name");
    }
    FaceDetector detector = null;
    String detectorName = "none";
    Map<String, Object> detectorSettings = Map.of();
    String detectorId = config.detector().trim();
    if (!detectorId.isEmpty() && !detectorId.equals("none")) {
      Available.Entry<FaceDetector> d = services.detector(detectorId, wait);
      if (d == null) {
        throw new TrainingException("unknown detector id '" + detectorId + "' (available detectors: " + services.detectorIds() + ", or none)");
      }
      detector = d.service();
      detectorName = detectorId + " " + d.version();
      detectorSettings = d.properties();
    }
    SoftmaxTrainer.Settings defaults = SoftmaxTrainer.Settings.defaults();
    SoftmaxTrainer.Settings trainer =
        new SoftmaxTrainer.Settings(
            config.l2(), defaults.learningRate(), defaults.batch(), defaults.maxEpochs(), defaults.patience(),
            defaults.validationShare(), config.classWeights(), config.seed());
    TrainingRun.Settings settings =
        new TrainingRun.Settings(
            name, config.folds(), detectorName, detectorSettings, trainer, cacheDir(), outDir, config.onePerson(), targets, config.mirror(),
            blend);
    logger.info("training {} on {} images of {} (backbone {}, detector {})", name, set.examples().size(), set.root(), config.backbone(), detectorName);
    try (Backbone backbone = Backbone.open(onnx.environment(), Path.of(String.valueOf(description)))) {
      TrainingRun.Outcome outcome =
          new TrainingRun(onnx.environment(), System.out, System.err, logger::warn).run(set, validation, backbone, detector, settings);
      if (report != null) {
        writeReport(outcome.report(), report);
        System.out.println("report written to " + report);
      }
    }
  }

  /** {@code auto} as {@link Blend#AUTO}, else the head's weight, refused unless in (0, 1]. */
  static double blend(String value) throws TrainingException {
    String v = value.trim();
    if (v.equals("auto")) {
      return Blend.AUTO;
    }
    double w;
    try {
      w = Double.parseDouble(v);
    } catch (NumberFormatException e) {
      w = Double.NaN;
    }
    if (!(w > 0 && w <= 1)) {
      throw new TrainingException("--blend " + v + ": give auto or the trained head's weight, a number in (0, 1] (1: no blend)");
    }
    return w;
  }

  /** {@code --out}, else the user's models folder (created). */
  private Path outDir() throws TrainingException {
    String dir = !config.out().isBlank() ? config.out() : context.getProperty("mirror.models.user.dir");
    if (dir == null || dir.isBlank()) {
      throw new TrainingException("no folder to write the model into: give --out DIR");
    }
    Path out = Path.of(dir).toAbsolutePath().normalize();
    try {
      Files.createDirectories(out);
    } catch (IOException e) {
      throw new TrainingException("cannot create the model folder " + out + ": " + reason(e));
    }
    if (!Files.isWritable(out)) {
      throw new TrainingException("cannot write into the model folder " + out);
    }
    return out;
  }

  /** The user's cache folder for features: {@code cache/} in the user folder. */
  private Path cacheDir() {
    String user = context.getProperty("mirror.user.home");
    Path base = user != null ? Path.of(user) : Path.of(System.getProperty("java.io.tmpdir"));
    return base.resolve("cache");
  }

  private static void writeReport(TrainReport report, Path file) throws TrainingException {
    try {
      ReportJson.write(report, file); // checks the path again: it may have changed during the run
    } catch (EvaluationException e) {
      throw new TrainingException(e.getMessage());
    }
  }

  /** What went wrong, in words: a file where a folder is wanted, or the system's reason. */
  private static String reason(IOException e) {
    if (e instanceof java.nio.file.FileAlreadyExistsException f) {
      return f.getFile() + " is a file, not a folder";
    }
    if (e instanceof java.nio.file.FileSystemException f && f.getFile() != null && f.getReason() != null) {
      return f.getFile() + ": " + f.getReason();
    }
    return e.getMessage();
  }
}

package org.expressionmirror.evaluation.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.expressionmirror.api.ExpressionModel;
import org.expressionmirror.api.FaceDetector;
import org.expressionmirror.api.StartupComplete;
import org.expressionmirror.evaluation.Evaluation;
import org.expressionmirror.platform.opencv.OpenCvRuntime;
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
 * Runs one evaluation when a {@code mirror.eval} configuration exists, on a thread of its own:
 * reads the dataset's layout, waits for the chosen model and detector, classifies every image,
 * prints the table, writes the JSON report and asks the program to exit (0, or 2 with one line
 * naming the problem).
 */
@Component(
    configurationPid = Evaluation.PID,
    configurationPolicy = ConfigurationPolicy.REQUIRE,
    immediate = true,
    service = {})
@Designate(ocd = EvalConfig.class)
public final class EvaluationComponent {
  static final String DEFAULT_MODEL = "faceapi-expression";
  static final String FALLBACK_MODEL = "minixception-fer2013";
  private static final long STOP_WAIT_MS = 5000;

  private final EvalConfig config;
  private final String modelsDir;
  private final Logger logger;
  private final RunServices services = new RunServices();
  private final Thread thread;
  private volatile boolean stopping;

  private final IntConsumer exit;

  @Activate
  public EvaluationComponent(
      BundleContext context,
      EvalConfig config,
      @Reference OpenCvRuntime openCv,
      @Reference(service = LoggerFactory.class) Logger logger,
      // a constructor parameter, not a field: fields are injected after the constructor, when
      // the thread started here may already have ended
      @Reference(cardinality = ReferenceCardinality.OPTIONAL, target = "(mirror.exit=true)")
          IntConsumer exit) {
    this.config = config;
    this.exit = exit;
    this.modelsDir = context.getProperty("mirror.models.dir");
    this.logger = logger;
    this.thread = new Thread(this::run, "mirror-eval");
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
      Report report = evaluate();
      System.out.print(ReportTable.of(report));
      if (!config.out().isBlank()) {
        ReportJson.write(report, Path.of(config.out()));
        System.out.println("report written to " + config.out());
      }
      System.out.flush();
      code = 0;
    } catch (EvaluationException e) {
      System.err.println("error: " + e.getMessage());
      code = 2;
    } catch (InterruptedException e) {
      return;
    } catch (RuntimeException e) {
      logger.error("evaluation failed", e);
      System.err.println("error: evaluation failed: " + e.getMessage());
      code = 2;
    }
    if (!stopping && config.exitAtEnd() && exit != null) {
      exit.accept(code);
    }
  }

  private FerPlusLabels.Rule labelRule() throws EvaluationException {
    try {
      return FerPlusLabels.Rule.of(config.labelRule().trim());
    } catch (IllegalArgumentException e) {
      throw new EvaluationException(Evaluation.LABEL_RULE + " = " + e.getMessage());
    }
  }

  private Report evaluate() throws EvaluationException, InterruptedException {
    // Everything that can be refused without a model is refused before waiting for one.
    Dataset dataset = Dataset.scan(Path.of(config.dataset()), config.skipUnknownLabels(), labelRule());
    if (!config.out().isBlank()) {
      ReportJson.checkTarget(Path.of(config.out()));
    }
    long wait = TimeUnit.SECONDS.toMillis(config.waitSeconds());
    List<ExpressionModel> chosen = new ArrayList<>();
    chosen.add(model(modelId(), wait));
    String compareId = config.compare().trim();
    if (!compareId.isEmpty()) {
      chosen.add(model(compareId, wait));
    }
    if (config.skipUnknownLabels()) {
      dataset = withoutLabelsAModelLacks(dataset, chosen);
    }
    Evaluator evaluator;
    String detectorId = config.detector().trim();
    if (detectorId.isEmpty() || detectorId.equals(Evaluation.NO_DETECTOR)) {
      evaluator = new Evaluator(chosen, null, Evaluation.NO_DETECTOR, Map.of(), logger::warn);
    } else {
      Available.Entry<FaceDetector> detector = services.detector(detectorId, wait);
      if (detector == null) {
        throw new EvaluationException(
            "unknown detector id '" + detectorId + "' (available detectors: " + services.detectorIds() + ", or none)");
      }
      evaluator =
          new Evaluator(
              chosen, detector.service(), detectorId + " " + detector.version(), detector.properties(), logger::warn);
    }
    logger.info(
        "evaluating {}{} on {} images of {} (detector {})",
        modelId(),
        compareId.isEmpty() ? "" : " and " + compareId,
        dataset.samples().size(),
        dataset.root(),
        detectorId);
    return evaluator.run(dataset);
  }

  private ExpressionModel model(String id, long wait) throws EvaluationException, InterruptedException {
    Available.Entry<ExpressionModel> model = services.model(id, wait);
    if (model == null) {
      throw new EvaluationException("unknown model id '" + id + "' (available models: " + services.modelIds() + ")");
    }
    return model.service();
  }

  /** Leaves out the labels not every chosen model can output, so both are measured on the same images. */
  private static Dataset withoutLabelsAModelLacks(Dataset dataset, List<ExpressionModel> chosen)
      throws EvaluationException {
    Set<String> kept = new LinkedHashSet<>(dataset.labels());
    StringBuilder lacking = new StringBuilder();
    for (ExpressionModel m : chosen) {
      kept.retainAll(m.info().labels());
      lacking.append(lacking.length() == 0 ? "" : " or ").append(m.info().id());
    }
    return dataset.keeping(kept, "model " + lacking + " has no '{label}'");
  }

  /** The configured model, else the project's default model when it is in the models folder. */
  private String modelId() {
    if (!config.model().isBlank()) {
      return config.model().trim();
    }
    boolean hasDefault = modelsDir != null && Files.isRegularFile(Path.of(modelsDir, DEFAULT_MODEL + ".json"));
    return hasDefault ? DEFAULT_MODEL : FALLBACK_MODEL;
  }
}

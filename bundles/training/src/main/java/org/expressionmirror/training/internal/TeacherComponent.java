package org.expressionmirror.training.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.expressionmirror.api.Box;
import org.expressionmirror.api.ExpressionModel;
import org.expressionmirror.api.Expressions;
import org.expressionmirror.api.Frame;
import org.expressionmirror.api.teach.TeachCounts;
import org.expressionmirror.api.teach.TeachResult;
import org.expressionmirror.api.teach.Teacher;
import org.expressionmirror.expression.onnx.internal.InMemoryModel;
import org.expressionmirror.expression.onnx.internal.ModelException;
import org.expressionmirror.platform.onnxruntime.OnnxRuntime;
import org.expressionmirror.platform.opencv.OpenCvRuntime;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Teach mode's service: keeps one person's backbone features in memory, trains the personal head
 * and registers it as the expression model {@code personal} (ONNX bytes in memory, no file), and
 * writes it only when asked to save. The backbone opens on the first sample, so a window that
 * never teaches costs nothing.
 */
@Component(service = Teacher.class, configurationPid = TeacherComponent.PID)
@Designate(ocd = TeachConfig.class)
public final class TeacherComponent implements Teacher {
  static final String PID = "mirror.teach";
  private static final String NAME_RULE = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
  /** Samples kept per expression at most: 8 expressions of 10,000 x 256 floats are about 80 MB. */
  static final int MAX_SAMPLES = 10_000;

  private final BundleContext context;
  private final TeachConfig config;
  private final OnnxRuntime onnx;
  private final Logger logger;
  private final TeachSamples samples;
  /** A setting out of range, named; empty when the settings are fine. */
  private final String problem;
  /** Model id to its description file, for the backbone. */
  private final Map<String, String> descriptions = new ConcurrentHashMap<>();

  // guarded by this
  private PersonalTraining training;
  private PersonalTraining.Trained trained;
  private ExpressionModel personal;
  private ServiceRegistration<ExpressionModel> registration;
  private boolean stopped;

  @Activate
  public TeacherComponent(
      BundleContext context,
      TeachConfig config,
      @Reference OnnxRuntime onnx,
      @Reference OpenCvRuntime openCv,
      @Reference(service = LoggerFactory.class) Logger logger) {
    this.context = context;
    this.config = config;
    this.onnx = onnx;
    this.logger = logger;
    this.problem = problem(config);
    // with a setting out of range the service stays up, so the window can say which one
    this.samples = problem.isEmpty()
        ? new TeachSamples(config.minimumPerExpression(), config.maximumPerExpression())
        : new TeachSamples(2, 2);
    if (!problem.isEmpty()) {
      logger.error("Teach mode is off: {}", problem);
    }
  }

  /** What is wrong with the settings, naming the key and the value; empty when nothing is. */
  static String problem(TeachConfig config) {
    if (config.minimumPerExpression() < 2 || config.minimumPerExpression() > MAX_SAMPLES) {
      return PID + ": minimumPerExpression = " + config.minimumPerExpression() + " must be between 2 and " + MAX_SAMPLES;
    }
    if (config.maximumPerExpression() < config.minimumPerExpression() || config.maximumPerExpression() > MAX_SAMPLES) {
      return PID + ": maximumPerExpression = " + config.maximumPerExpression()
          + " must be between minimumPerExpression (" + config.minimumPerExpression() + ") and " + MAX_SAMPLES;
    }
    if (config.folds() < 2 || config.folds() > 100) {
      return PID + ": folds = " + config.folds() + " must be between 2 and 100";
    }
    if (!(config.l2() >= 0) || Double.isInfinite(config.l2())) {
      return PID + ": l2 = " + config.l2() + " must be a finite number, 0 or more";
    }
    return "";
  }

  @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
  void bindModel(ExpressionModel model, Map<String, Object> props) {
    Object description = props.get(TrainingComponent.DESCRIPTION);
    if (description != null) {
      descriptions.put(String.valueOf(props.get(ExpressionModel.ID)), String.valueOf(description));
    }
  }

  void unbindModel(ExpressionModel model, Map<String, Object> props) {
    Object description = props.get(TrainingComponent.DESCRIPTION);
    if (description != null) {
      descriptions.remove(String.valueOf(props.get(ExpressionModel.ID)), String.valueOf(description));
    }
  }

  @Deactivate
  synchronized void deactivate() {
    stopped = true;
    unregister();
    if (training != null) {
      training.close();
      training = null;
    }
  }

  @Override
  public List<String> expressions() {
    return Expressions.CANONICAL;
  }

  @Override
  public TeachCounts record(String label, Frame frame, Box box) {
    if (!Expressions.CANONICAL.contains(label)) {
      throw new IllegalArgumentException("'" + label + "' is not an expression label (one of " + Expressions.CANONICAL + ")");
    }
    try {
      return training().record(label, frame, box);
    } catch (TrainingException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  @Override
  public void prepare() {
    try {
      training();
    } catch (TrainingException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  @Override
  public TeachCounts counts() {
    return samples.counts();
  }

  @Override
  public synchronized TeachResult train() {
    PersonalTraining.Trained t;
    ExpressionModel model;
    try {
      t = training().train(MODEL_ID, "mirror teach mode (the window)");
      model = InMemoryModel.load(onnx.environment(), t.description(), t.onnx(), MODEL_ID + " (in memory)");
    } catch (TrainingException | ModelException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
    // the new one first, then the old one goes: the pipeline never lacks the id it was told
    ServiceRegistration<ExpressionModel> next;
    try {
      next = context.registerService(ExpressionModel.class, model, properties(model, t));
    } catch (RuntimeException e) { // e.g. the bundle stopping meanwhile: the session is ours to close
      InMemoryModel.close(model);
      throw e;
    }
    unregister();
    registration = next;
    personal = model;
    trained = t;
    logger.info("personal model {} trained on {} samples of {}: {}-fold accuracy {}", t.version(), t.samples(), t.labels(), t.folds(), t.cv().accuracyMean());
    return new TeachResult(
        MODEL_ID + "@" + t.version(), t.labels(), t.samples(), t.folds(), t.cv().accuracyMean(), t.cv().accuracySd(), t.seconds());
  }

  @Override
  public synchronized String save(String name) {
    if (name == null || !name.matches(NAME_RULE)) {
      throw new IllegalArgumentException("'" + name + "' is not a model name: letters, digits, '.', '_' and '-', at most 64");
    }
    if (name.equals(MODEL_ID)) {
      throw new IllegalArgumentException("'" + MODEL_ID + "' is the model in memory: save it under another name");
    }
    if (trained == null) {
      throw new IllegalStateException("nothing to save: train first");
    }
    String shipped = context.getProperty("mirror.models.dir");
    if (shipped != null && Files.isRegularFile(Path.of(shipped, name + ".json"))) {
      throw new IllegalArgumentException("'" + name + "' is the id of a shipped model: choose another name");
    }
    String dir = context.getProperty("mirror.models.user.dir");
    if (dir == null || dir.isBlank()) {
      throw new IllegalStateException("there is no user models folder to save into (mirror.models.user.dir)");
    }
    String taken = PersonalTraining.taken(Path.of(dir), name);
    if (!taken.isEmpty()) {
      throw new IllegalArgumentException(taken);
    }
    try {
      Path folder = Files.createDirectories(Path.of(dir));
      ModelExport.Written w = training.save(trained, name, folder);
      logger.info("personal model saved as {}", w.description());
      return w.description().toString();
    } catch (TrainingException | java.io.IOException e) {
      throw new IllegalStateException("cannot save into " + dir + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void forget() {
    samples.clear();
    trained = null;
    unregister();
  }

  /** The training, with the backbone opened on first use. */
  private synchronized PersonalTraining training() throws TrainingException {
    if (stopped) {
      throw new TrainingException("Teach mode's service has stopped (its bundle was stopped or updated)");
    }
    if (!problem.isEmpty()) {
      throw new TrainingException("Teach mode is off: " + problem);
    }
    if (training == null) {
      String description = descriptions.get(config.backbone());
      if (description == null) {
        throw new TrainingException("the backbone model '" + config.backbone() + "' is not available (models: " + descriptions.keySet() + ")");
      }
      SoftmaxTrainer.Settings d = SoftmaxTrainer.Settings.defaults();
      SoftmaxTrainer.Settings settings =
          new SoftmaxTrainer.Settings(config.l2(), d.learningRate(), d.batch(), d.maxEpochs(), d.patience(), d.validationShare(), d.classWeights(), d.seed());
      Backbone backbone = Backbone.open(onnx.environment(), Path.of(description));
      try {
        training = new PersonalTraining(onnx.environment(), backbone, samples, settings, config.folds());
      } catch (TrainingException | RuntimeException e) {
        backbone.close();
        throw e;
      }
    }
    return training;
  }

  private static Hashtable<String, Object> properties(ExpressionModel model, PersonalTraining.Trained t) {
    Hashtable<String, Object> props = new Hashtable<>();
    props.put(ExpressionModel.ID, MODEL_ID);
    props.put(ExpressionModel.VERSION, t.version());
    // the ONNX models' service properties (expression-onnx's OnnxModels names); no description file
    props.put("model.labels", model.info().labels().toArray(String[]::new));
    props.put("model.source", "trained in the window on one person's face (in memory until saved)");
    props.put("model.licence", model.info().licence());
    props.put("model.input", model.info().inputContract());
    return props;
  }

  /** Unregisters first, then closes: a caller still holding the service gets a clear error. */
  private void unregister() {
    if (registration != null) {
      try {
        registration.unregister();
      } catch (IllegalStateException e) {
        // already gone with the bundle
      }
      registration = null;
    }
    if (personal != null) {
      InMemoryModel.close(personal);
      personal = null;
    }
  }
}

package org.expressionmirror.evaluation.internal;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.expressionmirror.api.ExpressionModel;
import org.expressionmirror.api.FaceDetector;
import org.expressionmirror.api.Precedence;

/**
 * The models and detectors a one-off run (eval, train) may be asked for, as DS binds them, and
 * whether start-up is complete: then an id that is not there will not come by waiting. The
 * components keep the DS bind methods and hand each event here. Shared by the evaluation and
 * training bundles (training copies this package).
 */
public final class RunServices {
  private final Available<ExpressionModel> models = new Available<>();
  private final Available<FaceDetector> detectors = new Available<>();
  private volatile boolean startupComplete;

  public void addModel(ExpressionModel model, Map<String, Object> props) {
    models.add(
        String.valueOf(props.get(ExpressionModel.ID)),
        model,
        String.valueOf(props.get(ExpressionModel.VERSION)),
        props,
        Precedence.of(props));
  }

  public void removeModel(ExpressionModel model, Map<String, Object> props) {
    models.remove(String.valueOf(props.get(ExpressionModel.ID)), model);
  }

  public void addDetector(FaceDetector detector, Map<String, Object> props) {
    detectors.add(
        String.valueOf(props.get(FaceDetector.ID)),
        detector,
        String.valueOf(props.get(FaceDetector.VERSION)),
        settings(props),
        Precedence.of(props));
  }

  public void removeDetector(FaceDetector detector, Map<String, Object> props) {
    detectors.remove(String.valueOf(props.get(FaceDetector.ID)), detector);
  }

  /** Every component the program starts with has registered: waiting for a missing id ends. */
  public void startupCompleted() {
    startupComplete = true;
    models.changed();
    detectors.changed();
  }

  public void startupRestarted() {
    startupComplete = false;
  }

  /** The model with this id (its properties are its service properties), or null when it did not come. */
  public Available.Entry<ExpressionModel> model(String id, long waitMs) throws InterruptedException {
    return models.await(id, waitMs, () -> startupComplete);
  }

  /** The detector with this id (its properties are its {@link #settings}), or null when it did not come. */
  public Available.Entry<FaceDetector> detector(String id, long waitMs) throws InterruptedException {
    return detectors.await(id, waitMs, () -> startupComplete);
  }

  /** Model ids present now, sorted, for messages. */
  public String modelIds() {
    return models.ids();
  }

  /** Detector ids present now, sorted, for messages. */
  public String detectorIds() {
    return detectors.ids();
  }

  /**
   * The detector's settings among its service properties: those its configuration set, without
   * the framework's, DS's and FileInstall's own properties and the id and version.
   */
  static Map<String, Object> settings(Map<String, Object> props) {
    Map<String, Object> settings = new TreeMap<>();
    props.forEach(
        (k, v) -> {
          boolean own =
              k.startsWith("service.")
                  || k.startsWith("component.")
                  || k.startsWith("felix.")
                  || k.startsWith("osgi.")
                  || k.startsWith("detector.")
                  || k.equals("objectClass");
          if (!own && v != null) {
            settings.put(k, v instanceof Object[] a ? List.of(a) : v);
          }
        });
    return settings;
  }
}

package org.expressionmirror.training.internal;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;
import org.expressionmirror.training.Training;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Carries the {@code train} command line into Config Admin: when the launcher has set {@code
 * mirror.train.dataset}, the {@code mirror.train.*} properties become the {@code mirror.train}
 * configuration that starts {@link TrainingComponent}. Without it nothing happens. A number that
 * does not parse is passed on as text, so the component's configuration check names it.
 */
@Component(immediate = true, service = {})
public final class TrainLaunchSettings {
  @Activate
  public TrainLaunchSettings(BundleContext context, @Reference ConfigurationAdmin configAdmin) throws IOException {
    String dataset = context.getProperty(Training.DATASET);
    if (dataset == null || dataset.isBlank()) {
      return;
    }
    Dictionary<String, Object> p = new Hashtable<>();
    p.put("dataset", dataset);
    put(p, "labels", context.getProperty(Training.LABELS));
    put(p, "validation", context.getProperty(Training.VALIDATION));
    put(p, "backbone", context.getProperty(Training.BACKBONE));
    put(p, "detector", context.getProperty(Training.DETECTOR));
    put(p, "folds", context.getProperty(Training.FOLDS));
    put(p, "name", context.getProperty(Training.NAME));
    put(p, "out", context.getProperty(Training.OUT));
    put(p, "report", context.getProperty(Training.REPORT));
    put(p, "l2", context.getProperty(Training.L2));
    put(p, "seed", context.getProperty(Training.SEED));
    put(p, "classWeights", context.getProperty(Training.CLASS_WEIGHTS));
    put(p, "targets", context.getProperty(Training.TARGETS));
    put(p, "waitSeconds", context.getProperty(Training.WAIT_SECONDS));
    p.put("exitAtEnd", Boolean.TRUE);
    Configuration c = configAdmin.getConfiguration(Training.PID, "?");
    c.update(p);
  }

  private static void put(Dictionary<String, Object> p, String key, String value) {
    if (value != null && !value.isBlank()) {
      p.put(key, value.trim());
    }
  }
}

package org.expressionmirror.evaluation.internal;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;
import org.expressionmirror.evaluation.Evaluation;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Carries the {@code eval} command line into Config Admin: when the launcher has set the framework
 * property {@code mirror.eval.dataset}, the {@code mirror.*} eval properties become the {@code
 * mirror.eval} configuration that starts {@link EvaluationComponent}. Without it nothing happens.
 */
@Component(immediate = true, service = {})
public final class EvalLaunchSettings {
  @Activate
  public EvalLaunchSettings(BundleContext context, @Reference ConfigurationAdmin configAdmin) throws IOException {
    String dataset = context.getProperty(Evaluation.DATASET);
    if (dataset == null || dataset.isBlank()) {
      return;
    }
    Dictionary<String, Object> p = new Hashtable<>();
    p.put("dataset", dataset);
    put(p, "model", context.getProperty(Evaluation.MODEL));
    put(p, "compare", context.getProperty(Evaluation.COMPARE));
    put(p, "detector", context.getProperty(Evaluation.DETECTOR));
    p.put("skipUnknownLabels", Boolean.parseBoolean(context.getProperty(Evaluation.SKIP_UNKNOWN_LABELS)));
    put(p, "out", context.getProperty(Evaluation.OUT));
    String wait = context.getProperty(Evaluation.WAIT_SECONDS);
    if (wait != null && wait.trim().matches("\\d{1,6}")) {
      p.put("waitSeconds", Integer.valueOf(wait.trim()));
    } else if (wait != null) {
      System.err.println("warning: " + Evaluation.WAIT_SECONDS + " = " + wait + " is not a whole number of seconds; using the default");
    }
    p.put("exitAtEnd", Boolean.TRUE);
    // "?" lets whichever bundle owns the PID bind to it
    Configuration c = configAdmin.getConfiguration(Evaluation.PID, "?");
    c.update(p);
  }

  private static void put(Dictionary<String, Object> p, String key, String value) {
    if (value != null && !value.isBlank()) {
      p.put(key, value);
    }
  }
}

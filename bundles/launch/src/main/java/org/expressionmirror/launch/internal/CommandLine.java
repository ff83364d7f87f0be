package org.expressionmirror.launch.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.expressionmirror.evaluation.Evaluation;
import org.expressionmirror.training.Training;

/**
 * The command line as configurations: the launcher sets framework properties ({@code
 * mirror.source}, {@code mirror.out}, {@code mirror.eval.*}, {@code mirror.train.*}, ...) and this
 * is the one place that turns them into the configurations the components read, so that
 * everything after start-up is configured one way only, and a configuration file can do what an
 * option does. Pure: it reads the properties through a function and returns what to write.
 */
final class CommandLine {
  static final String SOURCE = "mirror.source";
  static final String OUT = "mirror.out";
  static final String REALTIME = "mirror.realtime";
  static final String RECURSIVE = "mirror.recursive";
  static final String EXIT_AT_END = "mirror.exitAtEnd";
  /** Set by the launcher when a window will show the source. */
  static final String WINDOW = "mirror.window";
  static final String DEPLOY = "mirror.deploy.dir";
  static final String RECORD_PID = "mirror.record.jsonl";
  static final String SOURCE_PID = "mirror.source";
  static final String FILEINSTALL = "org.apache.felix.fileinstall";

  private final UnaryOperator<String> property;
  private final Consumer<String> warnings;

  /**
   * @param property a framework property by name, null when unset
   * @param warnings where a value that is ignored is said
   */
  CommandLine(UnaryOperator<String> property, Consumer<String> warnings) {
    this.property = property;
    this.warnings = warnings;
  }

  /** The configurations to write, in order; empty when the command line asks for none. */
  List<LaunchConfiguration> configurations() {
    List<LaunchConfiguration> all = new ArrayList<>();
    boolean recording = isSet(OUT);
    if (recording) {
      all.add(LaunchConfiguration.of(RECORD_PID, Map.of("path", property.apply(OUT), "enabled", Boolean.TRUE)));
    }
    if (isSet(SOURCE)) {
      all.add(source(recording));
    }
    if (isSet(DEPLOY)) {
      all.add(deployFolder(property.apply(DEPLOY)));
    }
    if (isSet(Evaluation.DATASET)) {
      all.add(eval());
    }
    if (isSet(Training.DATASET)) {
      all.add(train());
    }
    return all;
  }

  private LaunchConfiguration source(boolean recording) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("source", property.apply(SOURCE));
    p.put("realtime", flag(REALTIME));
    p.put("recursive", flag(RECURSIVE));
    p.put("exitAtEnd", flag(EXIT_AT_END));
    if (recording) {
      // DS holds the runner back until the writer is registered, so frame 0 is recorded
      p.put("record.cardinality.minimum", 1);
    }
    if (flag(WINDOW)) {
      // and until the window is open (it registers its view then), so it shows frame 0 too
      p.put("view.cardinality.minimum", 1);
    }
    return LaunchConfiguration.of(SOURCE_PID, p);
  }

  /**
   * A second FileInstall watcher (a factory configuration of FileInstall's PID) for the deploy
   * folder: bundle jars dropped there (components, model bundles) are installed and started, and
   * uninstalled when removed. Named, so that it exists once.
   */
  private static LaunchConfiguration deployFolder(String dir) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("felix.fileinstall.dir", dir);
    p.put("felix.fileinstall.filter", ".*\\.jar");
    p.put("felix.fileinstall.poll", "250");
    p.put("felix.fileinstall.noInitialDelay", "true");
    p.put("felix.fileinstall.bundles.new.start", "true");
    return new LaunchConfiguration(FILEINSTALL, "deploy", p);
  }

  /** The {@code eval} command: starts the evaluation component. */
  private LaunchConfiguration eval() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("dataset", property.apply(Evaluation.DATASET));
    putIfSet(p, "model", Evaluation.MODEL, false);
    putIfSet(p, "compare", Evaluation.COMPARE, false);
    putIfSet(p, "detector", Evaluation.DETECTOR, false);
    p.put("skipUnknownLabels", flag(Evaluation.SKIP_UNKNOWN_LABELS));
    putIfSet(p, "labelRule", Evaluation.LABEL_RULE, false);
    putIfSet(p, "out", Evaluation.OUT, false);
    String wait = property.apply(Evaluation.WAIT_SECONDS);
    if (wait != null && wait.trim().matches("\\d{1,6}")) {
      p.put("waitSeconds", Integer.valueOf(wait.trim()));
    } else if (wait != null) {
      warnings.accept(
          "warning: " + Evaluation.WAIT_SECONDS + " = " + wait + " is not a whole number of seconds; using the default");
    }
    p.put("exitAtEnd", Boolean.TRUE);
    return LaunchConfiguration.of(Evaluation.PID, p);
  }

  /**
   * The {@code train} command: starts the training component. A number that does not parse is
   * passed on as text, so the component's configuration check names it.
   */
  private LaunchConfiguration train() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("dataset", property.apply(Training.DATASET));
    putIfSet(p, "labels", Training.LABELS, true);
    putIfSet(p, "validation", Training.VALIDATION, true);
    putIfSet(p, "backbone", Training.BACKBONE, true);
    putIfSet(p, "detector", Training.DETECTOR, true);
    putIfSet(p, "folds", Training.FOLDS, true);
    putIfSet(p, "name", Training.NAME, true);
    putIfSet(p, "out", Training.OUT, true);
    putIfSet(p, "report", Training.REPORT, true);
    putIfSet(p, "l2", Training.L2, true);
    putIfSet(p, "seed", Training.SEED, true);
    putIfSet(p, "classWeights", Training.CLASS_WEIGHTS, true);
    putIfSet(p, "targets", Training.TARGETS, true);
    putIfSet(p, "labelRule", Training.LABEL_RULE, true);
    putIfSet(p, "waitSeconds", Training.WAIT_SECONDS, true);
    putIfSet(p, "onePerson", Training.ONE_PERSON, true);
    putIfSet(p, "mirror", Training.MIRROR, true);
    putIfSet(p, "blend", Training.BLEND, true);
    p.put("exitAtEnd", Boolean.TRUE);
    return LaunchConfiguration.of(Training.PID, p);
  }

  private void putIfSet(Map<String, Object> p, String key, String name, boolean trim) {
    if (isSet(name)) {
      String value = property.apply(name);
      p.put(key, trim ? value.trim() : value);
    }
  }

  private boolean isSet(String name) {
    String value = property.apply(name);
    return value != null && !value.isBlank();
  }

  private boolean flag(String name) {
    return Boolean.parseBoolean(property.apply(name));
  }
}

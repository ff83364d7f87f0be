package org.expressionmirror.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line of {@code mirror train}. The training bundle reads its settings from framework
 * properties ({@code mirror.train.*}, the names in {@code org.expressionmirror.training.Training});
 * the run itself is a headless run of the {@code train} feature.
 *
 * @param dataset labelled folder, or a FER+ label.csv
 * @param labels a FER+ label file for the images in the dataset folder, or null
 * @param validation images for the final head's early stopping, or null
 * @param backbone the model whose features the head learns from
 * @param detector detector id or {@code none}
 * @param folds cross-validation folds
 * @param name the new model's id
 * @param out folder for the model, or null for the user's models folder
 * @param report JSON report file, or null
 * @param config runtime-config folder (detector settings)
 * @param home the user's folder, or null for the default
 * @param onePerson every image shows the same person (fewer folds for few images; the description says so)
 * @param properties extra framework properties given as {@code -Dkey=value}
 */
record TrainOptions(
    Path dataset,
    Path labels,
    Path validation,
    String backbone,
    String detector,
    int folds,
    String name,
    Path out,
    Path report,
    Path config,
    Path home,
    boolean onePerson,
    Map<String, String> properties) {

  static final String USAGE =
      String.join(
          "\n",
          "usage: mirror train --dataset DIR [--labels votes.csv] [--validation DIR] [--backbone ID] [--detector none|ID]",
          "                    [--folds K] [--name NAME] [--out DIR] [--report FILE.json] [--config DIR] [--home DIR]",
          "                    [--label-rule ferplus|plurality] [--one-person] [--mirror] [--blend auto|W]",
          "",
          "  --dataset DIR    one subfolder of images per label (as eval reads them; <label>/<subject>/ and a",
          "                   subjects.csv group the folds by person), or a FER+ label.csv (or its folder)",
          "  --labels FILE    a FER+ label.csv for the images in DIR: soft labels from the votes",
          "  --label-rule R   how FER+ votes become each image's label (folds, scores, hard targets), as in",
          "                   eval: ferplus (default, FERPlus's majority) or plurality (the most votes)",
          "  --validation DIR images kept apart (folder or FER+ label.csv, e.g. FER+ valid) on which the final head",
          "                   stops early (default: a stratified tenth of the training images)",
          "  --backbone ID    the model whose frozen features the new head learns from (default",
          "                   faceapi-expression)",
          "  --detector ID    a detector id (blazeface, blazeface-back, haar, lbp, chain, ...; an unknown id is",
          "                   refused with the list) or none: the whole image is the face (default none)",
          "  --folds K        stratified K-fold cross-validation (default 5)",
          "  --name NAME      the new model's id (default trained)",
          "  --out DIR        write NAME.onnx, NAME.golden.json and NAME.json here (default: your models folder,",
          "                   where a running mirror picks the model up without a restart)",
          "  --report FILE    also write the cross-validation report as JSON",
          "  --config DIR     runtime-config folder with the detector settings (default: runtime-config)",
          "  --home DIR       your folder (default " + UserHome.DEFAULT_DESCRIPTION + ")",
          "  --one-person     every image shows the same person (e.g. you): fewer folds when a label has few",
          "                   images, and the model's description says it was trained on one person",
          "  --mirror         also train on each face's left-right mirror image, score by the probabilities",
          "                   averaged over the face and its mirror image, and write a model that averages",
          "                   the same way (two backbone passes per face: about twice the time per frame)",
          "  --blend auto|W   blend the new head with the backbone's own head in the written model:",
          "                   W * new head + (1 - W) * the backbone's probabilities mapped to the new labels",
          "                   (labels the backbone lacks get 0 from it); W in (0, 1], 1 (default) is the head",
          "                   alone; auto chooses W among 1, 0.95, ..., 0.05 by accuracy on --validation (else",
          "                   on the final head's early-stopping tenth), ties to the larger W",
          "",
          "Prints the cross-validation report (accuracy and macro-F1 per fold with mean and standard deviation,",
          "per-label precision, recall, F1 and the confusion matrix) and writes the model. Exits 0, or 2 with",
          "one line naming the problem.");

  /** Parses the arguments after {@code train}; an unknown or incomplete option throws naming it. */
  static TrainOptions parse(List<String> args, Path defaultConfig) {
    Path dataset = null;
    Path labels = null;
    Path validation = null;
    String backbone = "faceapi-expression";
    String detector = "none";
    int folds = 5;
    String name = "trained";
    Path out = null;
    Path report = null;
    Path config = defaultConfig;
    Path home = null;
    boolean onePerson = false;
    Map<String, String> properties = new LinkedHashMap<>();
    List<String> rest = new ArrayList<>(args);
    while (!rest.isEmpty()) {
      String a = rest.remove(0);
      switch (a) {
        case "--dataset" -> dataset = Path.of(Options.value(a, rest));
        case "--labels" -> labels = Path.of(Options.value(a, rest));
        case "--validation" -> validation = Path.of(Options.value(a, rest));
        case "--backbone" -> backbone = Options.value(a, rest);
        case "--detector" -> detector = Options.value(a, rest);
        case "--folds" -> folds = folds(Options.value(a, rest));
        case "--name" -> name = Options.value(a, rest);
        case "--out" -> out = Path.of(Options.value(a, rest));
        case "--report" -> report = Path.of(Options.value(a, rest));
        case "--config" -> config = Path.of(Options.value(a, rest));
        case "--home" -> home = Path.of(Options.value(a, rest));
        case "--one-person" -> onePerson = true;
        case "--mirror" -> properties.put("mirror.train.mirror", "true");
        case "--blend" -> properties.put("mirror.train.blend", blend(Options.value(a, rest)));
        case "--label-rule" -> properties.put("mirror.train.labelRule", EvalOptions.labelRule(Options.value(a, rest)));
        default -> Options.property(a, properties, "unknown train option: ");
      }
    }
    if (dataset == null) {
      throw new IllegalArgumentException("train needs --dataset");
    }
    if (onePerson && "true".equals(properties.get("mirror.train.mirror"))) {
      throw new IllegalArgumentException("--mirror is not available with --one-person");
    }
    String blend = properties.getOrDefault("mirror.train.blend", "1");
    // a number 1 (1, 1.0) is no blend; anything else (a weight, auto) needs a backbone's head
    if (onePerson && !isOne(blend)) {
      throw new IllegalArgumentException("--blend " + blend + " is not available with --one-person");
    }
    if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
      throw new IllegalArgumentException("--name " + name + " is not a model id: letters, digits, '.', '_' and '-', at most 64");
    }
    return new TrainOptions(dataset, labels, validation, backbone, detector, folds, name, out, report, config, home, onePerson, properties);
  }

  private static boolean isOne(String blend) {
    try {
      return Double.parseDouble(blend) == 1;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** {@code auto} or a weight in (0, 1], as given; anything else is refused naming it. */
  private static String blend(String value) {
    if (value.equals("auto")) {
      return value;
    }
    double w;
    try {
      w = Double.parseDouble(value);
    } catch (NumberFormatException e) {
      w = Double.NaN;
    }
    if (!(w > 0 && w <= 1)) {
      throw new IllegalArgumentException("--blend " + value + ": give auto or the trained head's weight, a number in (0, 1] (1: no blend)");
    }
    return value;
  }

  private static int folds(String value) {
    if (!value.matches("\\d{1,3}") || Integer.parseInt(value) < 2) {
      throw new IllegalArgumentException("--folds " + value + ": cross-validation needs a whole number of folds, 2 or more");
    }
    return Integer.parseInt(value);
  }

  /** A headless run of the {@code train} feature with the settings as framework properties. */
  Options toOptions() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("mirror.train.dataset", dataset.toAbsolutePath().toString());
    if (labels != null) {
      p.put("mirror.train.labels", labels.toAbsolutePath().toString());
    }
    if (validation != null) {
      p.put("mirror.train.validation", validation.toAbsolutePath().toString());
    }
    p.put("mirror.train.backbone", backbone);
    p.put("mirror.train.detector", detector);
    p.put("mirror.train.folds", Integer.toString(folds));
    p.put("mirror.train.name", name);
    if (out != null) {
      p.put("mirror.train.out", out.toAbsolutePath().toString());
    }
    if (report != null) {
      p.put("mirror.train.report", report.toAbsolutePath().toString());
    }
    if (onePerson) {
      p.put("mirror.train.onePerson", "true");
    }
    p.putAll(properties);
    return new Options("train", null, null, config, true, false, home, p);
  }
}

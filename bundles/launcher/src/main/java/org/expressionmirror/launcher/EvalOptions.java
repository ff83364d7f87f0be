package org.expressionmirror.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line of {@code mirror eval}. The evaluation bundle reads its settings from framework
 * properties ({@code mirror.eval.*}, the names in {@code org.expressionmirror.evaluation.Evaluation});
 * the run itself is a headless run of the {@code eval} feature.
 *
 * @param dataset folder with one subfolder of images per label
 * @param model model id, or null for the default model
 * @param compare a second model id to compare with the first, or null
 * @param skipUnknownLabels leave out label folders the model(s) cannot score instead of stopping
 * @param labelRule how a FER+ label file's votes become labels ({@code ferplus}, {@code
 *     plurality}), or null for the evaluation's default (ferplus)
 * @param detector detector id or {@code none}
 * @param out JSON report file, or null
 * @param config runtime-config folder (detector settings)
 * @param home the user's folder with added models, or null for the default
 * @param properties extra framework properties given as {@code -Dkey=value}
 */
record EvalOptions(
    Path dataset,
    String model,
    String compare,
    boolean skipUnknownLabels,
    String labelRule,
    String detector,
    Path out,
    Path config,
    Path home,
    Map<String, String> properties) {

  static final String USAGE =
      String.join(
          "\n",
          "usage: mirror eval --dataset DIR [--model ID] [--compare ID] [--detector ID|none] [--out FILE.json]",
          "                   [--skip-unknown-labels] [--label-rule ferplus|plurality] [--config DIR] [--home DIR]",
          "",
          "  --dataset DIR    one subfolder of images per label: angry|anger, happy|happiness, sad|sadness,",
          "                   fearful|fear, surprised|surprise, disgusted|disgust, neutral|normal, contempt;",
          "                   or a FER+ label.csv (or a folder holding one) with the images beside it",
          "  --model ID       expression model (default: faceapi-expression, or minixception-fer2013",
          "                   when the models folder has no faceapi-expression)",
          "  --compare ID     a second model, run on the same images and faces: both accuracies, their",
          "                   agreement, the images exactly one gets right and McNemar's test",
          "  --skip-unknown-labels  leave out (and list) label folders with a name that is not a label",
          "                   or a label the model lacks, instead of stopping or counting them wrong",
          "  --label-rule R   how a FER+ label.csv's votes become labels: ferplus (default; FERPlus's",
          "                   majority: votes of 1 dropped, the top label has more than half of the",
          "                   rest) or plurality (the most votes; ties left out). Images without a",
          "                   label by the rule are left out and listed",
          "  --detector ID    a detector id (blazeface, blazeface-back, haar, haar-alt, haar-alt2, lbp, chain,",
          "                   ...; an unknown id is refused with the list) or none: the whole image is the face",
          "                   (default none)",
          "  --out FILE       also write the report as JSON",
          "  --config DIR     runtime-config folder with the detector settings (default: runtime-config)",
          "  --home DIR       your folder with added models (default " + UserHome.DEFAULT_DESCRIPTION + ")",
          "",
          "Prints accuracy, per-label precision, recall, F1, the confusion matrix, wall time and images per",
          "second; the JSON report adds each image's prediction. Exits 0, or 2 with one line naming the problem.");

  /** Parses the arguments after {@code eval}; an unknown or incomplete option throws naming it. */
  static EvalOptions parse(List<String> args, Path defaultConfig) {
    Path dataset = null;
    String model = null;
    String compare = null;
    boolean skipUnknownLabels = false;
    String labelRule = null;
    String detector = "none";
    Path out = null;
    Path config = defaultConfig;
    Path home = null;
    Map<String, String> properties = new LinkedHashMap<>();
    List<String> rest = new ArrayList<>(args);
    while (!rest.isEmpty()) {
      String a = rest.remove(0);
      switch (a) {
        case "--dataset" -> dataset = Path.of(Options.value(a, rest));
        case "--model" -> model = Options.value(a, rest);
        case "--compare" -> compare = Options.value(a, rest);
        case "--skip-unknown-labels" -> skipUnknownLabels = true;
        case "--label-rule" -> labelRule = labelRule(Options.value(a, rest));
        case "--detector" -> detector = Options.value(a, rest);
        case "--out" -> out = Path.of(Options.value(a, rest));
        case "--config" -> config = Path.of(Options.value(a, rest));
        case "--home" -> home = Path.of(Options.value(a, rest));
        default -> Options.property(a, properties, "unknown eval option: ");
      }
    }
    if (dataset == null) {
      throw new IllegalArgumentException("eval needs --dataset");
    }
    return new EvalOptions(dataset, model, compare, skipUnknownLabels, labelRule, detector, out, config, home, properties);
  }

  /** The value of {@code --label-rule}, refused here, before any framework starts, when unknown. */
  static String labelRule(String value) {
    if (!value.equals("ferplus") && !value.equals("plurality")) {
      throw new IllegalArgumentException("--label-rule " + value + ": must be ferplus or plurality");
    }
    return value;
  }

  /**
   * A headless run of the {@code eval} feature with the settings as framework properties. The
   * report path is not the run's {@code --out} (that would start the JSON Lines record).
   */
  Options toOptions() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("mirror.eval.dataset", dataset.toAbsolutePath().toString());
    if (model != null) {
      p.put("mirror.eval.model", model);
    }
    if (compare != null) {
      p.put("mirror.eval.compare", compare);
    }
    if (skipUnknownLabels) {
      p.put("mirror.eval.skipUnknownLabels", "true");
    }
    if (labelRule != null) {
      p.put("mirror.eval.labelRule", labelRule);
    }
    p.put("mirror.eval.detector", detector);
    if (out != null) {
      p.put("mirror.eval.out", out.toAbsolutePath().toString());
    }
    p.putAll(properties);
    return new Options("eval", null, null, config, true, false, home, p);
  }
}

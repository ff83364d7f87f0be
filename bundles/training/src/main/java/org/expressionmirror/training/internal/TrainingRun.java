package org.expressionmirror.training.internal;

import ai.onnxruntime.OrtEnvironment;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.expressionmirror.api.Box;
import org.expressionmirror.api.FaceDetector;
import org.expressionmirror.evaluation.internal.LeftOut;
import org.expressionmirror.evaluation.internal.Report;
import org.expressionmirror.evaluation.internal.ReportTable;
import org.expressionmirror.evaluation.internal.Run;

/**
 * One training run, start to end, without the framework: features (cached), K-fold
 * cross-validation, the final head on all images, its export and the report. The component feeds
 * it the services; the tests call it directly.
 */
final class TrainingRun {
  /** Golden crops written with a model: a few per label, enough to catch a wrong head. */
  static final int GOLDEN_PER_CLASS = 2;

  /**
   * @param name the new model's id
   * @param folds cross-validation folds
   * @param detectorName detector id and version, or {@code none}
   * @param detectorSettings the detector's configured settings (report, cache key)
   * @param targets {@link TrainingSet#SOFT} or {@link TrainingSet#HARD}: how the set's targets were
   *     made (provenance only; the set carries them)
   * @param mirror train on each face and its mirror image, score by their averaged probabilities
   *     and export the model with the {@link MirrorPass}
   * @param blend the trained head's weight in a {@link Blend} with the backbone's own head: {@link
   *     Blend#NONE} (1, the head alone), a fixed weight in (0, 1), or {@link Blend#AUTO} (chosen on
   *     the validation images)
   */
  record Settings(
      String name,
      int folds,
      String detectorName,
      Map<String, Object> detectorSettings,
      SoftmaxTrainer.Settings trainer,
      Path cacheDir,
      Path outDir,
      boolean onePerson,
      String targets,
      boolean mirror,
      double blend) {
    /** Images of many people, FER+ vote shares as targets. */
    Settings(
        String name, int folds, String detectorName, Map<String, Object> detectorSettings,
        SoftmaxTrainer.Settings trainer, Path cacheDir, Path outDir) {
      this(name, folds, detectorName, detectorSettings, trainer, cacheDir, outDir, false, TrainingSet.SOFT, false, Blend.NONE);
    }

    /** Without the mirror pass. */
    Settings(
        String name, int folds, String detectorName, Map<String, Object> detectorSettings,
        SoftmaxTrainer.Settings trainer, Path cacheDir, Path outDir, boolean onePerson, String targets) {
      this(name, folds, detectorName, detectorSettings, trainer, cacheDir, outDir, onePerson, targets, false, Blend.NONE);
    }

    Settings withFolds(int k) {
      return new Settings(name, k, detectorName, detectorSettings, trainer, cacheDir, outDir, onePerson, targets, mirror, blend);
    }

    Settings withMirror(boolean m) {
      return new Settings(name, folds, detectorName, detectorSettings, trainer, cacheDir, outDir, onePerson, targets, m, blend);
    }

    Settings withBlend(double b) {
      return new Settings(name, folds, detectorName, detectorSettings, trainer, cacheDir, outDir, onePerson, targets, mirror, b);
    }

    /** The blend as {@code --blend} says it: auto or the weight. */
    String blendOption() {
      return blend == Blend.AUTO ? "auto" : Double.toString(blend);
    }
  }

  /** What the run produced. */
  record Outcome(TrainReport report, ModelExport.Written written) {}

  private final OrtEnvironment env;
  private final PrintStream out;
  private final PrintStream progress;
  private final Consumer<String> warnings;

  TrainingRun(OrtEnvironment env, PrintStream out, PrintStream progress, Consumer<String> warnings) {
    this.env = env;
    this.out = out;
    this.progress = progress;
    this.warnings = warnings;
  }

  Outcome run(TrainingSet set, Backbone backbone, FaceDetector detector, Settings s)
      throws TrainingException, InterruptedException {
    return run(set, null, backbone, detector, s);
  }

  /**
   * @param validation images kept apart for the final head's early stopping (e.g. FER+ valid), or
   *     null to hold out a tenth of the training images; the folds always split their own
   */
  Outcome run(TrainingSet set, TrainingSet validation, Backbone backbone, FaceDetector detector, Settings s)
      throws TrainingException, InterruptedException {
    if (s.mirror() && s.onePerson()) {
      // one person's golden vectors are synthetic probes without mirror features
      throw new TrainingException("--mirror is not available with --one-person");
    }
    Blend blend = null;
    if (s.blend() != Blend.NONE) {
      if (s.onePerson()) {
        // one person's few images leave no validation images to choose a weight on, and the
        // backbone's head was not trained on that person
        throw new TrainingException("--blend " + s.blendOption() + " is not available with --one-person");
      }
      if (s.blend() != Blend.AUTO && !(s.blend() > 0 && s.blend() <= 1)) {
        throw new TrainingException("--blend " + s.blendOption() + ": the head's weight must be auto or in (0, 1]");
      }
      // refused before the features are computed
      blend = Blend.of(backbone, set.classes(), s.blend() == Blend.AUTO ? Blend.NONE : s.blend(), s.blendOption());
    }
    Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    long t0 = System.nanoTime();
    FeatureExtraction.Result f;
    String faces = s.detectorName() + " " + s.detectorSettings();
    try (FeatureCache cache = FeatureCache.open(s.cacheDir(), backbone.sha256(), faces);
        // mirror features in a file of their own: a key of their own, never read as plain ones
        FeatureCache mirrorCache = s.mirror() ? FeatureCache.open(s.cacheDir(), backbone.sha256(), faces + " mirror") : null) {
      FeatureExtraction extraction = new FeatureExtraction(backbone, detector, cache, mirrorCache, warnings);
      f = extraction.run(set, new Progress(progress, "features", "image", set.examples().size()));
      out.printf(
          Locale.ROOT,
          "features of %d images (%d from the cache %s), %d without a face, %d unreadable%n",
          set.examples().size(), f.cached(), cache.file(), f.noFace().size(), f.unreadable().size());
      FeatureExtraction.Result v = null;
      if (validation != null) {
        v = extraction.run(validation.asClassesOf(set.classes()), new Progress(progress, "validation features", "image", validation.examples().size()));
        if (v.examples().isEmpty()) {
          throw new TrainingException("no validation image with a face and a label of the training set in " + validation.root());
        }
        out.printf(Locale.ROOT, "validation: features of %d images of %s (%d from the cache)%n", v.examples().size(), validation.root(), v.cached());
      }
      return train(set, backbone, extraction, f, v, validation == null ? null : validation.root(), s, blend, start, t0);
    } catch (java.io.IOException e) {
      throw new TrainingException("feature cache in " + s.cacheDir() + " cannot be used: " + e.getMessage());
    }
  }

  private Outcome train(
      TrainingSet set,
      Backbone backbone,
      FeatureExtraction extraction,
      FeatureExtraction.Result f,
      FeatureExtraction.Result v,
      Path validationRoot,
      Settings s,
      Blend blend,
      Instant start,
      long t0)
      throws TrainingException {
    List<String> classes = set.classes();
    int n = f.examples().size();
    if (n == 0) {
      throw new TrainingException("no face found in any image of " + set.root());
    }
    int[] labels = f.examples().stream().mapToInt(TrainingSet.Example::label).toArray();
    List<double[]> targets = f.examples().stream().map(TrainingSet.Example::target).toList();
    List<String> names = f.examples().stream().map(TrainingSet.Example::name).toList();
    // one person: a subject layout cannot hold anyone out, so each image is its own group
    List<String> groups = s.onePerson() ? names : f.examples().stream().map(TrainingSet.Example::group).toList();
    SoftmaxTrainer trainer = new SoftmaxTrainer(s.trainer());
    int folds = s.folds();
    if (s.onePerson()) {
      // one person's few images: no more folds than the rarest label has images, so every fold
      // tests every label
      int[] perClass = new int[classes.size()];
      for (int l : labels) {
        perClass[l]++;
      }
      try {
        folds = Folds.forSmallSet(s.folds(), perClass);
      } catch (IllegalArgumentException e) {
        throw new TrainingException(e.getMessage() + " (" + counts(classes, perClass) + ") in " + set.root());
      }
      out.printf(Locale.ROOT, "one person: %d images (%s), %d-fold cross-validation%n", n, counts(classes, perClass), folds);
      s = s.withFolds(folds);
    }
    SoftmaxTrainer.Validation given =
        v == null
            ? null
            : new SoftmaxTrainer.Validation(
                v.features(),
                v.examples().stream().map(TrainingSet.Example::target).toList(),
                v.examples().stream().mapToInt(TrainingSet.Example::label).toArray(),
                v.mirrored());
    SoftmaxTrainer.Result fin = trainer.train(f.features(), f.mirrored(), targets, labels, classes.size(), given);
    Blend.Choice choice = null;
    if (blend != null && s.blend() == Blend.AUTO) {
      choice = choose(blend, fin, f, v, s);
      blend = blend.withWeight(choice.weight());
    }
    // a weight of 1 is the head alone: the plain graph, and the folds scored as without a blend
    Blend exported = blend == null || blend.weight() == Blend.NONE ? null : blend;
    CrossValidation.Result cv;
    try {
      // folds are by image (or subject): a mirror image trains and is scored with its image
      cv = new CrossValidation(trainer, s.folds(), s.trainer().seed())
          .run(classes, names, f.features(), f.mirrored(), targets, labels, groups, new Progress(progress, "folds", "fold", s.folds()), exported);
    } catch (IllegalArgumentException e) {
      throw new TrainingException(e.getMessage() + " in " + set.root());
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    List<LeftOut> leftOut = new ArrayList<>(set.leftOut());
    leftOut.addAll(f.noFace());
    Run run = new Run(start.toString(), s.detectorSettings(), seconds, seconds > 0 ? n / seconds : 0, List.of(), set.labelRule().isEmpty() ? null : set.labelRule(), leftOut.size(), leftOut);
    Report report =
        Report.of(
            set.root().toString(),
            s.name() + " (" + s.folds() + "-fold cross-validation, out-of-fold predictions)",
            classes,
            s.detectorName(),
            cv.pooled(),
            List.of(),
            f.unreadable(),
            run,
            cv.predictions());
    String version = DateTimeFormatter.ofPattern("yyyy.MM.dd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC).format(start);
    Map<String, Object> provenance = provenance(set, backbone, f, s, cv, fin, start);
    if (v != null) {
      provenance.put("validation", Map.of("path", validationRoot.toString(), "sha256", v.datasetSha256(), "images", v.examples().size()));
    }
    Map<String, Object> blendProvenance = blend == null ? null : blendProvenance(blend, choice, backbone, classes, s, v != null, exported != null, cv);
    if (blendProvenance != null) {
      provenance.put("blend", blendProvenance);
    }
    // one person's images are that person's face: its golden vectors come from synthetic probes,
    // as Teach mode's do, so the saved model carries no crop of them
    List<ModelExport.Crop> crops =
        s.onePerson() ? PersonalTraining.probes(backbone) : goldenCrops(extraction, f, classes.size());
    ModelExport.Written written =
        ModelExport.write(env, backbone, fin.head(), classes, crops, s.name(), version, provenance, s.outDir(), s.mirror(), exported);
    TrainReport tr = TrainReport.of(s, set.grouped() && !s.onePerson(), cv, fin, written, report, blendProvenance);
    out.print(ReportTable.of(report));
    out.print(tr.foldsText());
    out.printf(
        Locale.ROOT,
        "final head: %d images, %d epochs (best %d); exported model equals the head%s within %.1e (max |dp| on %d golden crops)%n",
        n, fin.epochs(), fin.bestEpoch(), exported == null ? "" : " blended in Java", written.maxDifference(), crops.size());
    if (s.mirror()) {
      out.printf(Locale.ROOT, "mirror: each face's mirror image trained on; scores and the model average over both%n");
    }
    if (blendProvenance != null) {
      out.printf(Locale.ROOT, "blend: %s%n", blendProvenance.get("summary"));
    }
    out.printf(Locale.ROOT, "model %s written: %s, %s, %s%n", s.name(), written.onnx(), written.golden(), written.description());
    out.printf(Locale.ROOT, "select it with model=%s (a running mirror picks it up without a restart)%n", s.name());
    return new Outcome(tr, written);
  }

  /**
   * The weight with the best accuracy of the final head blended, on the validation images given,
   * else on the final head's early-stopping split (training images it did not learn from).
   */
  private Blend.Choice choose(Blend blend, SoftmaxTrainer.Result fin, FeatureExtraction.Result f, FeatureExtraction.Result v, Settings s)
      throws TrainingException {
    if (v != null) {
      return blend.choose(fin.head(), v.features(), v.mirrored(), v.examples().stream().mapToInt(TrainingSet.Example::label).toArray());
    }
    int[] held = fin.heldOut();
    if (held.length == 0) {
      throw new TrainingException("--blend " + s.blendOption() + ": no validation images to choose the weight on (too few images to hold"
          + " out a tenth of a label): give --validation DIR or a fixed weight, e.g. --blend 0.9");
    }
    List<float[]> x = new ArrayList<>();
    List<float[]> m = f.mirrored() == null ? null : new ArrayList<>();
    int[] labels = new int[held.length];
    for (int i = 0; i < held.length; i++) {
      x.add(f.features().get(held[i]));
      if (m != null) {
        m.add(f.mirrored().get(held[i]));
      }
      labels[i] = f.examples().get(held[i]).label();
    }
    return blend.choose(fin.head(), x, m, labels);
  }

  /** What the description and the report say of the blend: weight, how it was chosen, what CV scored. */
  private static Map<String, Object> blendProvenance(
      Blend blend, Blend.Choice choice, Backbone backbone, List<String> classes, Settings s, boolean validationGiven, boolean exported,
      CrossValidation.Result cv) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("weight", blend.weight());
    b.put("formula", "p = weight * head + (1 - weight) * backbone's own probabilities mapped to the labels by canonical label"
        + (s.mirror() ? ", averaged over the face and its mirror image" : ""));
    b.put("backbone", backbone.spec().id());
    b.put("mapping", blend.mappingByLabel(backbone.spec().canonical(), classes));
    String on = validationGiven ? "the validation images (--validation)" : "the final head's early-stopping split of the training images";
    String how;
    if (choice == null) {
      b.put("chosenBy", "--blend " + s.blendOption() + " (fixed)");
      how = "fixed by --blend";
    } else {
      b.put("chosenBy", "--blend auto: the best accuracy of the final head blended on " + on
          + ", weights 1 to 0.05 in steps of 0.05, ties to the larger weight");
      b.put("chosenOn", Map.of("images", choice.images(), "accuracyByWeight", choice.accuracy()));
      double atOne = 100 * choice.accuracy().get("1.00");
      // when 1 wins, the head alone's figure is the only one to give
      how = blend.weight() == 1
          ? String.format(Locale.ROOT, "chosen on %s (%d images: %.2f %% at 1, no weight below it better)", on, choice.images(), atOne)
          : String.format(Locale.ROOT, "chosen on %s (%d images: %.2f %% at 1, %.2f %% at %.2f)", on, choice.images(),
              atOne, 100 * choice.accuracy().get(String.format(Locale.ROOT, "%.2f", blend.weight())), blend.weight());
    }
    String folds;
    if (!exported) {
      folds = "cross-validation scores each fold's head alone (weight 1: no blend)";
    } else {
      folds = String.format(Locale.ROOT, "cross-validation scores each fold's head blended with weight %.2f", blend.weight())
          + (choice == null ? "" : validationGiven
              ? " (chosen on the validation images, which no fold tests on)"
              : " (chosen on training images that the folds also test on: slightly optimistic)")
          + String.format(Locale.ROOT, "; the folds' heads alone: accuracy %.2f %%", 100 * cv.headAloneMean());
      b.put("headAloneAccuracyMean", cv.headAloneMean());
    }
    b.put("crossValidation", folds);
    b.put("summary", String.format(Locale.ROOT, "head weight %.2f, %s; %s", blend.weight(), how, folds));
    return b;
  }

  private static String counts(List<String> classes, int[] perClass) {
    List<String> parts = new ArrayList<>();
    for (int k = 0; k < classes.size(); k++) {
      parts.add(classes.get(k) + " " + perClass[k]);
    }
    return String.join(", ", parts);
  }

  /** Up to {@link #GOLDEN_PER_CLASS} crops of each class, the first ones in the set's order. */
  private static List<ModelExport.Crop> goldenCrops(FeatureExtraction extraction, FeatureExtraction.Result f, int classes) {
    int[] taken = new int[classes];
    List<ModelExport.Crop> crops = new ArrayList<>();
    for (int i = 0; i < f.examples().size(); i++) {
      TrainingSet.Example e = f.examples().get(i);
      if (taken[e.label()] >= GOLDEN_PER_CLASS) {
        continue;
      }
      Box box = f.boxes().get(i);
      float[] input = extraction.input(e, box);
      if (input != null) {
        crops.add(new ModelExport.Crop(e.name(), box, input, f.features().get(i), f.mirrored() == null ? null : f.mirrored().get(i)));
        taken[e.label()]++;
      }
    }
    return crops;
  }

  private static Map<String, Object> provenance(
      TrainingSet set,
      Backbone backbone,
      FeatureExtraction.Result f,
      Settings s,
      CrossValidation.Result cv,
      SoftmaxTrainer.Result fin,
      Instant start) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("trainedBy", s.onePerson() ? "mirror train --one-person" : "mirror train");
    if (s.onePerson()) {
      p.put("trainedOn", PersonalTraining.ONE_PERSON);
      p.put("onePerson", true);
    }
    p.put("date", start.toString());
    p.put("backbone", backbone.provenance());
    Map<String, Object> counts = new LinkedHashMap<>();
    for (int k = 0; k < set.classes().size(); k++) {
      int kk = k;
      counts.put(set.classes().get(k), f.examples().stream().filter(e -> e.label() == kk).count());
    }
    Map<String, Object> dataset = new LinkedHashMap<>();
    dataset.put("path", set.root().toString());
    dataset.put("sha256", f.datasetSha256());
    dataset.put("images", f.examples().size());
    if (!set.labelRule().isEmpty()) {
      dataset.put("labelRule", set.labelRule()); // FER+ votes; label folders need no rule
    }
    dataset.put("perLabel", counts);
    dataset.put("groupedBySubject", set.grouped() && !s.onePerson());
    p.put("dataset", dataset);
    p.put("detector", s.detectorName());
    SoftmaxTrainer.Settings t = s.trainer();
    Map<String, Object> trainer = new LinkedHashMap<>();
    trainer.put("name", "softmax regression on standardised features (folded into the exported weights)");
    trainer.put("loss", "class-weighted soft-label cross-entropy + L2");
    trainer.put("targets", s.targets());
    trainer.put("optimiser", "Adam, minibatch");
    trainer.put("l2", t.l2());
    trainer.put("learningRate", t.learningRate());
    trainer.put("batch", t.batch());
    trainer.put("maxEpochs", t.maxEpochs());
    trainer.put("patience", t.patience());
    trainer.put("validationShare", t.validationShare());
    trainer.put("classWeights", t.classWeights());
    trainer.put("seed", t.seed());
    // each face's mirror image trained on, probabilities averaged over both (in the graph too)
    trainer.put("mirror", s.mirror());
    trainer.put("epochs", fin.epochs());
    trainer.put("bestEpoch", fin.bestEpoch());
    p.put("trainer", trainer);
    p.put("crossValidation", Map.of(
        "folds", s.folds(),
        "accuracyMean", cv.accuracyMean(),
        "accuracySd", cv.accuracySd(),
        "macroF1Mean", cv.macroF1Mean(),
        "macroF1Sd", cv.macroF1Sd()));
    return p;
  }
}

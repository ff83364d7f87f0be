package org.expressionmirror.training.internal;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
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
import java.util.Random;
import org.expressionmirror.api.Box;
import org.expressionmirror.api.Frame;
import org.expressionmirror.api.teach.TeachCounts;
import org.expressionmirror.evaluation.internal.Prediction;

/**
 * Teach mode without the framework: features of one person's face per label (from the backbone,
 * on the crop the pipeline makes for it), a head trained and cross-validated on them, its ONNX
 * graph and description as bytes in memory, and on request the files. The component registers
 * the model; the tests call this directly.
 */
final class PersonalTraining implements AutoCloseable {
  /** What the description says about who the model was trained on. */
  static final String ONE_PERSON =
      "one person: trained on a single person's face, it reads that person's expressions and is not meant for other faces";
  /** Synthetic inputs for the export check and the golden file: never a camera image. */
  static final int PROBES = 4;
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * A trained personal model.
   *
   * @param onnx the exported graph (backbone with the personal head)
   * @param description its description, as a model file's
   */
  record Trained(
      SoftmaxHead head,
      List<String> labels,
      Map<String, Integer> perLabel,
      int folds,
      CrossValidation.Result cv,
      double seconds,
      String version,
      Map<String, Object> provenance,
      byte[] onnx,
      byte[] description) {
    int samples() {
      return perLabel.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  private final OrtEnvironment env;
  private final Backbone backbone;
  private final TeachSamples samples;
  private final SoftmaxTrainer.Settings trainer;
  private final int folds;
  private final List<ModelExport.Crop> probes;
  // guarded by backbone
  private boolean closed;

  /**
   * @param folds cross-validation folds wanted; fewer when a label has fewer samples
   * @throws TrainingException when the backbone fails on the synthetic probes
   */
  PersonalTraining(OrtEnvironment env, Backbone backbone, TeachSamples samples, SoftmaxTrainer.Settings trainer, int folds)
      throws TrainingException {
    this.env = env;
    this.backbone = backbone;
    this.samples = samples;
    this.trainer = trainer;
    this.folds = folds;
    this.probes = probes(backbone);
  }

  /** Keeps the features of the face in {@code box}; the frame itself is not kept. */
  TeachCounts record(String label, Frame frame, Box box) throws TrainingException {
    float[] features;
    synchronized (backbone) { // one input buffer and session: one face at a time
      if (closed) {
        throw new TrainingException("Teach mode has stopped: its backbone is closed");
      }
      try {
        features = backbone.features(frame, box);
      } catch (OrtException e) {
        throw new TrainingException("backbone " + backbone.spec().id() + " fails on frame " + frame.index() + ": " + e.getMessage());
      }
    }
    return samples.add(label, features);
  }

  TeachCounts counts() {
    return samples.counts();
  }

  /**
   * Trains on the labels with enough samples, cross-validates with folds fit for a small set, and
   * proves the exported graph against the head on the synthetic probes.
   *
   * @throws TrainingException when the samples are not enough (saying which) or the export differs
   */
  Trained train(String id, String trainedBy) throws TrainingException {
    long t0 = System.nanoTime();
    Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    TeachCounts counts = samples.counts();
    if (!counts.ready()) {
      throw new TrainingException(counts.missing());
    }
    List<String> labels = samples.trainable();
    List<float[]> x = new ArrayList<>();
    List<double[]> targets = new ArrayList<>();
    List<Integer> hard = new ArrayList<>();
    Map<String, Integer> perLabel = new LinkedHashMap<>();
    int[] perClass = new int[labels.size()];
    for (int k = 0; k < labels.size(); k++) {
      for (float[] f : samples.of(labels.get(k))) {
        double[] t = new double[labels.size()];
        t[k] = 1;
        x.add(f);
        targets.add(t);
        hard.add(k);
        perClass[k]++;
      }
      perLabel.put(labels.get(k), perClass[k]);
    }
    int[] y = hard.stream().mapToInt(Integer::intValue).toArray();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < x.size(); i++) {
      names.add(labels.get(y[i]) + "#" + i);
    }
    int k = Folds.forSmallSet(folds, perClass);
    SoftmaxTrainer softmax = new SoftmaxTrainer(trainer);
    // Each sample is its own group: with one person there is no one else to hold out. Samples of
    // one hold are near-duplicates, so the figure says how well the recorded faces are told apart,
    // not how the model will do on another day: the window says "cross-validated on your samples".
    CrossValidation.Result cv =
        new CrossValidation(softmax, k, trainer.seed()).run(labels, names, x, targets, y, names, Progress.silent());
    SoftmaxHead head = softmax.train(x, targets, y, labels.size()).head();
    byte[] onnx = ModelExport.onnx(backbone, head);
    double diff;
    try {
      diff = ModelExport.difference(head, null, probes, ModelExport.run(env, onnx, backbone, probes));
    } catch (OrtException e) {
      throw new TrainingException("the personal model does not run in ONNX Runtime: " + e.getMessage());
    }
    if (!(diff <= ModelExport.MAX_DIFFERENCE)) {
      throw new TrainingException("the personal model differs from the trained head by " + diff);
    }
    String version = DateTimeFormatter.ofPattern("yyyy.MM.dd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC).format(start);
    double seconds = (System.nanoTime() - t0) / 1e9;
    Map<String, Object> provenance = provenance(trainedBy, start, perLabel, k, cv);
    byte[] description;
    try {
      description = JSON.writeValueAsBytes(ModelExport.description(backbone, id, version, labels, provenance));
    } catch (IOException e) {
      throw new TrainingException("cannot make the personal model's description from " + backbone.description() + ": " + e.getMessage());
    }
    return new Trained(head, labels, perLabel, k, cv, seconds, version, provenance, onnx, description);
  }

  /**
   * Writes a trained model as {@code NAME.onnx}, {@code NAME.golden.json} (inputs: the synthetic
   * probes, never a face) and {@code NAME.json}, each moved into place atomically, the description
   * last.
   */
  /**
   * Why {@code name} cannot be saved into {@code dir}: a second Save under a name in use would
   * silently replace a model the user kept. Empty when the name is free.
   */
  static String taken(Path dir, String name) {
    for (String file : List.of(name + ".json", name + ".onnx", name + ".golden.json")) {
      if (Files.exists(dir.resolve(file))) {
        return "'" + name + "' is already one of your models (" + dir.resolve(file) + "): choose another name, or delete that model's files first";
      }
    }
    return "";
  }

  ModelExport.Written save(Trained t, String name, Path dir) throws TrainingException {
    String taken = taken(dir, name);
    if (!taken.isEmpty()) {
      throw new TrainingException(taken);
    }
    String version = t.version();
    return ModelExport.write(env, backbone, t.head(), t.labels(), probes, name, version, t.provenance(), dir, false, null);
  }

  private Map<String, Object> provenance(
      String trainedBy, Instant start, Map<String, Integer> perLabel, int k, CrossValidation.Result cv) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("trainedBy", trainedBy);
    p.put("trainedOn", ONE_PERSON);
    p.put("onePerson", true);
    p.put("date", start.toString());
    p.put("backbone", backbone.provenance());
    p.put("samples", Map.of("perLabel", perLabel, "kept", "backbone features in memory only; no image was stored"));
    p.put("trainer", Map.of(
        "name", "softmax regression on standardised features (folded into the exported weights)",
        "l2", trainer.l2(),
        "classWeights", trainer.classWeights(),
        "seed", trainer.seed()));
    p.put("crossValidation", Map.of(
        "folds", k,
        "accuracyMean", cv.accuracyMean(),
        "accuracySd", cv.accuracySd(),
        "note", "stratified over single samples of one person: consecutive frames are alike, so this is optimistic"));
    p.put("golden", "inputs are synthetic patterns, not camera images");
    return p;
  }

  /**
   * Model inputs made from synthetic patterns (smooth gradients and seeded noise, no camera
   * image), with their backbone features: the export is checked on them, and a saved model's
   * golden vectors are made from them, so no face of the user is ever written.
   */
  static List<ModelExport.Crop> probes(Backbone backbone) throws TrainingException {
    List<ModelExport.Crop> crops = new ArrayList<>();
    Random random = new Random(8);
    int w = 96;
    int h = 96;
    for (int i = 0; i < PROBES; i++) {
      byte[] bgr = new byte[w * h * 3];
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          for (int c = 0; c < 3; c++) {
            int v = (x * (i + 1) + y * (3 - c) * 2) % 256 / 2 + random.nextInt(128);
            bgr[(y * w + x) * 3 + c] = (byte) Math.min(255, v);
          }
        }
      }
      Frame frame = new Frame(i, 0, w, h, bgr);
      Box box = new Box(8, 8, w - 16, h - 16);
      try {
        crops.add(new ModelExport.Crop("synthetic-" + i, box, backbone.input(frame, box), backbone.features(frame, box)));
      } catch (OrtException e) {
        throw new TrainingException("backbone " + backbone.spec().id() + " fails on a synthetic input: " + e.getMessage());
      }
    }
    return crops;
  }

  /** Out-of-fold predictions of the last training (for tests and the report). */
  static List<Prediction> predictions(Trained t) {
    return t.cv().predictions();
  }

  /** Waits for a face being read on another thread, so the session is never freed under it. */
  @Override
  public void close() {
    synchronized (backbone) {
      closed = true;
      backbone.close();
    }
  }
}

package org.expressionmirror.training.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The trained head blended with the backbone's own head, in one graph: {@code p = w
 * softmax(head(x)) + (1 - w) softmax(own(x)) M}, where {@code M} [backbone classes, classes] maps
 * each backbone label to the head's label with the same canonical name (a head label the backbone
 * lacks, e.g. contempt for face-api, gets nothing from it). Why: on FER+ the head alone reads FER+'s
 * labels better and FER2013's worse than face-api's own head; a small share of face-api's
 * probabilities (w = 0.95, chosen on FER+ valid) kept FER+ test above 78 % and lifted FER2013
 * PrivateTest above face-api's own figure (models/README.md). {@link #choose} picks w on validation
 * images; {@link OnnxHead#withBlend} builds the graph this class computes in Java.
 */
final class Blend {
  /** {@code --blend auto}: the weight is chosen on the validation images. */
  static final double AUTO = -1;
  /** Weight of the head alone (no blend): the default. */
  static final double NONE = 1;
  /** Weights tried by {@link #choose}: {@code i / STEPS} for i = STEPS down to 1 (1, 0.95, ..., 0.05). */
  static final int STEPS = 20;

  /** Tensor and node names of the blend in the graph (the converter uses the same). */
  static final String BACKBONE_PROBABILITIES = "blend/backbone_probabilities";
  static final String BACKBONE_MAPPED = "blend/backbone_mapped";
  static final String BACKBONE_WEIGHTED = "blend/backbone_weighted";
  static final String HEAD_WEIGHTS = "blend/head_weights";
  static final String HEAD_BIAS = "blend/head_bias";
  static final String HEAD_LOGITS = "blend/head_logits";
  static final String HEAD_PROBABILITIES = "blend/head_probabilities";
  static final String HEAD_WEIGHTED = "blend/head_weighted";
  static final String MAPPING = "blend/mapping";
  static final String WEIGHT = "blend/weight";
  static final String REST = "blend/backbone_weight";
  static final String ADD = "blend/add";

  /**
   * The chosen weight, the validation accuracy of every weight tried (key: the weight with two
   * decimals, from 1.00 down) and the number of validation images.
   */
  record Choice(double weight, Map<String, Double> accuracy, int images) {}

  private final float[] ownWeights;
  private final float[] ownBias;
  private final int dims;
  private final int[] target;
  private final int classes;
  private final double weight;

  /**
   * @param ownWeights the backbone's own {@code W} [dims, target.length], row-major
   * @param ownBias its bias [target.length]
   * @param target for each backbone class, the head's class of the same canonical label, or -1
   * @param classes the head's classes
   * @param weight the head's weight w, in (0, 1]
   */
  Blend(float[] ownWeights, float[] ownBias, int[] target, int classes, double weight) {
    check(weight);
    if (ownBias.length != target.length || ownWeights.length % ownBias.length != 0) {
      throw new IllegalArgumentException("backbone head of " + ownWeights.length + " weights and " + ownBias.length + " biases for "
          + target.length + " labels");
    }
    this.ownWeights = ownWeights.clone();
    this.ownBias = ownBias.clone();
    this.dims = ownWeights.length / ownBias.length;
    this.target = target.clone();
    this.classes = classes;
    this.weight = weight;
  }

  /**
   * The backbone's own head, mapped to {@code classes} (canonical labels) by canonical label.
   *
   * @param option the option as the user gave it, for the refusal
   * @throws TrainingException naming the option when the backbone has no label of the new ones
   */
  static Blend of(Backbone backbone, List<String> classes, double weight, String option) throws TrainingException {
    if (!backbone.spec().extraValues().isEmpty()) {
      throw new TrainingException("--blend " + option + ": backbone " + backbone.spec().id()
          + " puts more than its labels' probabilities in its output: no own head to blend with");
    }
    int[] target = targets(backbone.spec().canonical(), classes);
    if (java.util.Arrays.stream(target).allMatch(t -> t < 0)) {
      throw new TrainingException("--blend " + option + ": backbone " + backbone.spec().id() + " has no label of the new model's "
          + classes + " (its labels: " + backbone.spec().canonical() + "): no own head to blend with");
    }
    OnnxHead own = backbone.head();
    return new Blend(own.ownWeights(), own.ownBias(), target, classes.size(), weight);
  }

  /** For each backbone label (canonical), the index of the same label in {@code classes}, or -1. */
  static int[] targets(List<String> backboneCanonical, List<String> classes) {
    return backboneCanonical.stream().mapToInt(classes::indexOf).toArray();
  }

  /** @throws IllegalArgumentException unless {@code 0 < weight <= 1} */
  static void check(double weight) {
    if (!(weight > 0 && weight <= 1)) {
      throw new IllegalArgumentException("the head's weight must be in (0, 1], is " + weight);
    }
  }

  Blend withWeight(double w) {
    return new Blend(ownWeights, ownBias, target, classes, w);
  }

  double weight() {
    return weight;
  }

  /** The head's weight as the graph holds it. */
  float headWeight() {
    return (float) weight;
  }

  /** The backbone's weight, 1 - w, as the graph holds it. */
  float backboneWeight() {
    return (float) (1 - weight);
  }

  /** {@code M} [backbone classes, classes] row-major: 1 where a backbone label is a head label. */
  float[] mapping() {
    float[] m = new float[target.length * classes];
    for (int b = 0; b < target.length; b++) {
      if (target[b] >= 0) {
        m[b * classes + target[b]] = 1;
      }
    }
    return m;
  }

  /** The head's label each backbone label gives its probability to (null: none), for provenance. */
  Map<String, String> mappingByLabel(List<String> backboneCanonical, List<String> classNames) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int b = 0; b < target.length; b++) {
      m.put(backboneCanonical.get(b), target[b] < 0 ? null : classNames.get(target[b]));
    }
    return m;
  }

  /** The backbone's own probabilities for raw features, mapped to the head's classes. */
  double[] backbone(float[] x) {
    double[] z = new double[target.length];
    for (int b = 0; b < z.length; b++) {
      double s = ownBias[b];
      for (int j = 0; j < dims; j++) {
        s += x[j] * (double) ownWeights[j * target.length + b];
      }
      z[b] = s;
    }
    Objective.softmaxInPlace(z);
    double[] p = new double[classes];
    for (int b = 0; b < z.length; b++) {
      if (target[b] >= 0) {
        p[target[b]] += z[b];
      }
    }
    return p;
  }

  /**
   * What the exported graph gives: the blend for the face, averaged with the blend for its mirror
   * image when {@code mirror} is not null (the mirror pass averages after the blend).
   */
  double[] probabilities(SoftmaxHead head, float[] x, float[] mirror) {
    double[] p = mix(head.probabilities(x), backbone(x), headWeight(), backboneWeight());
    if (mirror != null) {
      double[] q = mix(head.probabilities(mirror), backbone(mirror), headWeight(), backboneWeight());
      for (int k = 0; k < classes; k++) {
        p[k] = (p[k] + q[k]) / 2;
      }
    }
    return p;
  }

  private static double[] mix(double[] head, double[] backbone, double w, double rest) {
    double[] p = new double[head.length];
    for (int k = 0; k < p.length; k++) {
      p[k] = w * head[k] + rest * backbone[k];
    }
    return p;
  }

  /** The graph of this blend on the backbone, with the head's folded weights. */
  byte[] graph(Backbone backbone, SoftmaxHead head) {
    return backbone.head().withBlend(head.foldedWeights(), head.foldedBias(), mapping(), headWeight(), backboneWeight());
  }

  /**
   * The weight with the best validation accuracy among 1, 0.95, ..., 0.05; ties go to the larger
   * weight (the head alone wins a tie), so the backbone gets a share only where it gains images.
   *
   * @param mirrored the validation images' mirror features (scored as the mirror pass does), or null
   * @throws IllegalArgumentException when there is no validation image
   */
  Choice choose(SoftmaxHead head, List<float[]> x, List<float[]> mirrored, int[] labels) {
    if (x.isEmpty()) {
      throw new IllegalArgumentException("no validation image to choose the blend weight on");
    }
    List<double[]> heads = new ArrayList<>();
    List<double[]> backbones = new ArrayList<>();
    for (int i = 0; i < x.size(); i++) {
      float[] m = mirrored == null ? null : mirrored.get(i);
      heads.add(head.probabilities(x.get(i), m));
      double[] b = backbone(x.get(i));
      if (m != null) {
        double[] c = backbone(m);
        for (int k = 0; k < classes; k++) {
          b[k] = (b[k] + c[k]) / 2;
        }
      }
      backbones.add(b);
    }
    Map<String, Double> accuracy = new LinkedHashMap<>();
    int bestCorrect = -1;
    double best = NONE;
    for (int step = STEPS; step >= 1; step--) {
      double w = (double) step / STEPS;
      int correct = 0;
      for (int i = 0; i < x.size(); i++) {
        if (CrossValidation.argmax(mix(heads.get(i), backbones.get(i), w, 1 - w)) == labels[i]) {
          correct++;
        }
      }
      accuracy.put(String.format(Locale.ROOT, "%.2f", w), (double) correct / x.size());
      if (correct > bestCorrect) {
        bestCorrect = correct;
        best = w;
      }
    }
    return new Choice(best, accuracy, x.size());
  }
}

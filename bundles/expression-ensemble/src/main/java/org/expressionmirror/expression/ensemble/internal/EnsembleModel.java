package org.expressionmirror.expression.ensemble.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.expressionmirror.api.Box;
import org.expressionmirror.api.Distribution;
import org.expressionmirror.api.ExpressionModel;
import org.expressionmirror.api.Expressions;
import org.expressionmirror.api.Frame;
import org.expressionmirror.api.ModelInfo;
import org.expressionmirror.api.ModelInput;

/**
 * The weighted mixture of its members' distributions over the union of their labels. A label a
 * member lacks counts as 0 for that member (it put no mass there); because every member's
 * distribution sums to 1 and the weights do too, the mixture sums to 1 and labels only some members
 * know are not inflated, as averaging over "members that have it" followed by renormalising would.
 */
final class EnsembleModel implements ExpressionModel {
  private final List<ExpressionModel> members;
  private final double[] weights;
  private final ModelInfo info;

  /**
   * @param members the member models, in the order of {@code spec.members()}
   */
  EnsembleModel(EnsembleSpec spec, List<ExpressionModel> members) {
    if (members.size() != spec.members().size()) {
      throw new IllegalArgumentException(spec.members().size() + " members expected, got " + members.size());
    }
    this.members = List.copyOf(members);
    this.weights = spec.weights().clone();
    this.info = info(spec, this.members);
  }

  @Override
  public ModelInfo info() {
    return info;
  }

  @Override
  public Distribution classify(Frame frame, Box box) {
    return mix(frame, box, null);
  }

  /** Each member hands over its own input: the members read different pictures of the face. */
  @Override
  public Distribution classify(Frame frame, Box box, Consumer<ModelInput> inputs) {
    return mix(frame, box, inputs);
  }

  private Distribution mix(Frame frame, Box box, Consumer<ModelInput> inputs) {
    Map<String, Double> mixture = new LinkedHashMap<>();
    for (int i = 0; i < members.size(); i++) {
      ExpressionModel member = members.get(i);
      Distribution d = inputs == null ? member.classify(frame, box) : member.classify(frame, box, inputs);
      double w = weights[i];
      d.probabilities().forEach((label, p) -> mixture.merge(label, w * p, Double::sum));
    }
    // Only rounding is left to correct.
    double sum = mixture.values().stream().mapToDouble(Double::doubleValue).sum();
    mixture.replaceAll((label, p) -> p / sum);
    return new Distribution(mixture);
  }

  /** {@code 1.0.0+a@3.3.6,b@1.7.15}: the ensemble's own version with its members' as build metadata. */
  static String version(List<ModelInfo> members) {
    List<String> parts = new ArrayList<>();
    for (ModelInfo m : members) {
      parts.add(m.id() + "@" + m.version());
    }
    return "1.0.0+" + String.join(",", parts);
  }

  private static ModelInfo info(EnsembleSpec spec, List<ExpressionModel> members) {
    List<ModelInfo> infos = members.stream().map(ExpressionModel::info).toList();
    Set<String> labels = new LinkedHashSet<>();
    for (String label : Expressions.CANONICAL) {
      if (infos.stream().anyMatch(m -> m.labels().contains(label))) {
        labels.add(label);
      }
    }
    List<String> sources = new ArrayList<>();
    List<String> inputs = new ArrayList<>();
    Set<String> licences = new LinkedHashSet<>();
    for (int i = 0; i < infos.size(); i++) {
      ModelInfo m = infos.get(i);
      sources.add(String.format(Locale.ROOT, "%s@%s (weight %.3f)", m.id(), m.version(), spec.weights()[i]));
      inputs.add(m.id() + ": " + m.inputContract());
      licences.add(m.licence());
    }
    return new ModelInfo(
        spec.id(),
        version(infos),
        List.copyOf(labels),
        "ensemble of " + String.join(", ", sources),
        String.join("; ", licences),
        "each member reads its own input; " + String.join("; ", inputs));
  }
}

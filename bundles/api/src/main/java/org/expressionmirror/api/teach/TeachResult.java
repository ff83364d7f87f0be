package org.expressionmirror.api.teach;

import java.util.List;

/**
 * A personal model trained from the samples kept.
 *
 * @param model the model's id ({@link Teacher#MODEL_ID}) and version, e.g. {@code personal@2026.11.30-012233}
 * @param labels the labels it tells apart
 * @param samples samples it was trained on
 * @param folds cross-validation folds
 * @param accuracy mean cross-validated accuracy, 0..1
 * @param accuracySd standard deviation of the folds' accuracies
 * @param seconds time taken to train and cross-validate
 */
public record TeachResult(
    String model, List<String> labels, int samples, int folds, double accuracy, double accuracySd, double seconds) {
  public TeachResult {
    labels = List.copyOf(labels);
  }
}

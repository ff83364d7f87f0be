package org.expressionmirror.evaluation.internal;

/**
 * Scores of one label.
 *
 * @param label canonical label
 * @param precision correct among the faces predicted as the label; null when none was
 * @param recall correct among the label's images; null when it has none
 * @param f1 harmonic mean of precision and recall; null when either is null
 * @param support images of the label
 */
public record ClassMetrics(String label, Double precision, Double recall, Double f1, long support) {}

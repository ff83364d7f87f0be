package org.expressionmirror.evaluation.internal;

/**
 * A label folder (or a label of a label file) left out of an evaluation with {@code
 * --skip-unknown-labels}.
 *
 * @param folder the folder name, or the label as the label file names it
 * @param label its canonical label, or null when the name is not a known label
 * @param images image files it holds (not read)
 * @param reason why it was left out, one line
 */
public record Skipped(String folder, String label, long images, String reason) {}

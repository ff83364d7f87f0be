package org.expressionmirror.evaluation.internal;

/**
 * An image of a label file whose votes give no label (FER+: a tie, or most votes for unknown or not
 * a face); left out of the scores and counted.
 *
 * @param image the image file, relative to the dataset
 * @param reason why, e.g. {@code tie: happiness, surprise}
 */
public record LeftOut(String image, String reason) {}

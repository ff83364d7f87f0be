package org.expressionmirror.evaluation.internal;

/**
 * What a model said about one image.
 *
 * @param image the image file, relative to the dataset
 * @param truth the image's label
 * @param predicted the model's top label, or null when the detector found no face
 * @param probability the top label's probability, or null without a face
 */
public record Prediction(String image, String truth, String predicted, Double probability) {
  boolean right() {
    return truth.equals(predicted);
  }
}

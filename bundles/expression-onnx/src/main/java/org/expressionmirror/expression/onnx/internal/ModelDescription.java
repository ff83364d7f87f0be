package org.expressionmirror.expression.onnx.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A model description ({@code <id>.json}) as written by the models module, bound by Jackson.
 * Unknown keys are rejected so that a misspelt key is reported instead of silently defaulted;
 * {@link ModelSpec#of} checks the values.
 */
record ModelDescription(
    String id,
    String version,
    String file,
    JsonNode source,
    String licence,
    Input input,
    Output output,
    String golden) {

  record Input(
      String name,
      List<Long> shape,
      String layout,
      String colour,
      List<Double> greyWeights,
      Double scale,
      List<Double> mean,
      List<Double> std,
      String resize,
      Crop crop) {}

  /**
   * @param margin fraction of the box's width (height) added on the left and right (top and
   *     bottom) before clipping to the frame
   * @param square pad the crop to a square with zeros, centred, before resizing
   */
  record Crop(Double margin, Boolean square) {}

  /**
   * @param labels the model's own names of the first values of the output, in output order
   * @param extraValues names of values the same output tensor carries after the labels (e.g.
   *     valence and arousal of HSEmotion's {@code _mtl} models); not part of the distribution
   * @param extraOutputs what to do with further output tensors: only {@code ignore} (never fetched)
   */
  record Output(
      String name,
      String kind,
      List<String> labels,
      List<String> canonical,
      List<String> extraValues,
      String extraOutputs) {}
}

package org.expressionmirror.expression.onnx.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * Golden vectors ({@code <id>.golden.json}): real inputs and what the original model produced.
 *
 * Other keys (producer, notes, labels) are for people and ignored.
 *
 * @param tolerance largest allowed absolute difference per output value
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record GoldenFile(double tolerance, List<Vector> vectors) {
  /**
   * @param image source image the input was made from (for people, not read here)
   * @param box face box in that image
   * @param input base64 of the float32 little-endian input tensor
   * @param expected the original model's output for that input
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Vector(
      String name,
      String image,
      List<Integer> box,
      List<Long> inputShape,
      String input,
      List<Double> expected) {}
}

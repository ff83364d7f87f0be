package org.expressionmirror.expression.onnx.internal;

import java.util.List;

/**
 * Golden vectors ({@code <id>.golden.json}): real inputs and what the original model produced.
 *
 * @param tolerance largest allowed absolute difference per output value
 */
record GoldenFile(double tolerance, List<Vector> vectors) {
  /**
   * @param image source image the input was made from (for people, not read here)
   * @param box face box in that image
   * @param input base64 of the float32 little-endian input tensor
   * @param expected the original model's output for that input
   */
  record Vector(
      String name,
      String image,
      List<Integer> box,
      List<Long> inputShape,
      String input,
      List<Double> expected) {}
}

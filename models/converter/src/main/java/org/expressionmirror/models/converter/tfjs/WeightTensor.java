package org.expressionmirror.models.converter.tfjs;

import java.util.Arrays;

/**
 * One named weight of a TFJS weights manifest in TF layout, dequantised to float32 (int32 weights,
 * e.g. reduction axes, are kept exact in {@code ints}).
 */
public record WeightTensor(String name, int[] shape, float[] floats, int[] ints) {

  /** Number of elements of the shape. */
  public int size() {
    return Arrays.stream(shape).reduce(1, (a, b) -> a * b);
  }

  public boolean isInt() {
    return ints != null;
  }

  /** The float values; fails naming the weight when it holds integers. */
  public float[] requireFloats() {
    if (floats == null) {
      throw new IllegalArgumentException("weight " + name + " is int32, expected float32");
    }
    return floats;
  }

  /** The int values; fails naming the weight when it holds floats. */
  public int[] requireInts() {
    if (ints == null) {
      throw new IllegalArgumentException("weight " + name + " is float32, expected int32");
    }
    return ints;
  }
}

package org.expressionmirror.face.blazeface.internal;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The model's output heads, found by shape: score heads [1, n, 1] and box heads [1, n, 16], paired
 * in output order (keijiro's files: Identity:0 and Identity_2:0 for the 16x16 grid, Identity_1:0
 * and Identity_3:0 for the 8x8 grid).
 */
final class ModelHeads {
  private final List<String> scoreNames;
  private final List<String> boxNames;
  private final int[] lengths;

  private ModelHeads(List<String> scoreNames, List<String> boxNames, int[] lengths) {
    this.scoreNames = scoreNames;
    this.boxNames = boxNames;
    this.lengths = lengths;
  }

  static ModelHeads of(Map<String, NodeInfo> outputs, Variant variant) {
    List<String> scores = new ArrayList<>();
    List<String> boxes = new ArrayList<>();
    List<Long> scoreLengths = new ArrayList<>();
    List<Long> boxLengths = new ArrayList<>();
    for (Map.Entry<String, NodeInfo> e : outputs.entrySet()) {
      long[] shape = ((TensorInfo) e.getValue().getInfo()).getShape();
      if (shape.length == 3 && shape[2] == 1) {
        scores.add(e.getKey());
        scoreLengths.add(shape[1]);
      } else if (shape.length == 3 && shape[2] == Detection.LENGTH) {
        boxes.add(e.getKey());
        boxLengths.add(shape[1]);
      }
    }
    if (scores.size() != Anchors.ANCHORS_PER_CELL.length || !scoreLengths.equals(boxLengths)) {
      throw new IllegalArgumentException(
          "BlazeFace model "
              + variant.resource()
              + ": expected "
              + Anchors.ANCHORS_PER_CELL.length
              + " score heads [1,n,1] matching box heads [1,n,16], got scores "
              + scoreLengths
              + " and boxes "
              + boxLengths);
    }
    int[] lengths = scoreLengths.stream().mapToInt(Long::intValue).toArray();
    return new ModelHeads(List.copyOf(scores), List.copyOf(boxes), lengths);
  }

  int[] lengths() {
    return lengths.clone();
  }

  int total() {
    return Arrays.stream(lengths).sum();
  }

  /** Copies all heads' outputs into anchor-ordered arrays. */
  void copy(OrtSession.Result result, float[] logits, float[] boxes) {
    int at = 0;
    for (int h = 0; h < lengths.length; h++) {
      floats(result, scoreNames.get(h)).get(logits, at, lengths[h]);
      floats(result, boxNames.get(h))
          .get(boxes, at * Detection.LENGTH, lengths[h] * Detection.LENGTH);
      at += lengths[h];
    }
  }

  private static FloatBuffer floats(OrtSession.Result result, String name) {
    OnnxValue value =
        result.get(name).orElseThrow(() -> new IllegalStateException("no output " + name));
    return ((OnnxTensor) value).getFloatBuffer();
  }
}

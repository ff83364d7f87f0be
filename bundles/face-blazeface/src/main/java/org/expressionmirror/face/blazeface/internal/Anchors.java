package org.expressionmirror.face.blazeface.internal;

/**
 * The anchor centres of BlazeFace's two output heads, in input pixels. Each head is a square grid
 * with a fixed number of anchors per cell (2 for the fine head, 6 for the coarse one); the grid
 * size and stride are derived from the model's output lengths, so the 128 front model (16x16 and
 * 8x8 grids, strides 8 and 16) and the 256 back model (same grids, strides 16 and 32) share this
 * code.
 */
final class Anchors {
  /** Anchors per grid cell of each head, in the model's output order. */
  static final int[] ANCHORS_PER_CELL = {2, 6};

  private final float[] centres;

  private Anchors(float[] centres) {
    this.centres = centres;
  }

  /**
   * Anchors for a square input of {@code inputSize} pixels whose heads output {@code
   * headLengths[h]} anchors each.
   *
   * @throws IllegalArgumentException when a head length does not form a square grid dividing the
   *     input
   */
  static Anchors of(int inputSize, int... headLengths) {
    if (headLengths.length != ANCHORS_PER_CELL.length) {
      throw new IllegalArgumentException(
          "expected " + ANCHORS_PER_CELL.length + " output heads, got " + headLengths.length);
    }
    int total = 0;
    for (int length : headLengths) {
      total += length;
    }
    float[] centres = new float[total * 2];
    int at = 0;
    for (int h = 0; h < headLengths.length; h++) {
      int perCell = ANCHORS_PER_CELL[h];
      int grid = gridSize(headLengths[h], perCell, inputSize);
      float stride = inputSize / (float) grid;
      // Output order is row by row, then column, then the anchors of one cell.
      for (int y = 0; y < grid; y++) {
        for (int x = 0; x < grid; x++) {
          for (int a = 0; a < perCell; a++) {
            centres[at++] = stride * (x + 0.5f);
            centres[at++] = stride * (y + 0.5f);
          }
        }
      }
    }
    return new Anchors(centres);
  }

  private static int gridSize(int length, int perCell, int inputSize) {
    int cells = length / perCell;
    int grid = (int) Math.round(Math.sqrt(cells));
    if (cells * perCell != length || grid * grid != cells || inputSize % grid != 0) {
      throw new IllegalArgumentException(
          "a head of "
              + length
              + " anchors is not a square grid of "
              + perCell
              + " anchors per cell dividing a "
              + inputSize
              + " pixel input");
    }
    return grid;
  }

  int count() {
    return centres.length / 2;
  }

  float x(int anchor) {
    return centres[anchor * 2];
  }

  float y(int anchor) {
    return centres[anchor * 2 + 1];
  }
}

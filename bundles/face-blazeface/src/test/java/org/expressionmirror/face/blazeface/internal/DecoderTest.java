package org.expressionmirror.face.blazeface.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecoderTest {
  private final Anchors anchors = Anchors.of(128, 512, 384);
  private final Decoder decoder = new Decoder(anchors);

  @Test
  void offsetsAreAddedToTheAnchorCentreAndLogitsGoThroughTheSigmoid() {
    float[] logits = new float[896];
    Arrays.fill(logits, -10f);
    float[] boxes = new float[896 * 16];
    int anchor = 518; // coarse grid, cell (1, 0): centre (24, 8)
    logits[anchor] = 2f;
    float[] raw = {3, -2, 30, 32, -5, -6, 5, -6, 0, 0, 0, 5, -12, -3, 12, -3};
    System.arraycopy(raw, 0, boxes, anchor * 16, 16);

    List<Detection> out = decoder.decode(logits, boxes, 0.75f);

    assertEquals(1, out.size());
    Detection d = out.get(0);
    assertEquals(1 / (1 + Math.exp(-2)), d.score(), 1e-6);
    assertEquals(27, d.cx(), 1e-5);
    assertEquals(6, d.cy(), 1e-5);
    assertEquals(30, d.width(), 1e-5);
    assertEquals(32, d.height(), 1e-5);
    assertEquals(19, d.keypointX(0), 1e-5); // right eye
    assertEquals(2, d.keypointY(0), 1e-5);
    assertEquals(24, d.keypointX(2), 1e-5); // nose
    assertEquals(13, d.keypointY(3), 1e-5); // mouth
    assertEquals(36, d.keypointX(5), 1e-5); // left ear
  }

  @Test
  void anchorsAtOrBelowTheThresholdAreDropped() {
    float[] logits = new float[896];
    Arrays.fill(logits, (float) Math.log(0.75 / 0.25) - 1e-3f); // just below 0.75
    logits[7] = (float) Math.log(0.75 / 0.25) + 1e-2f;
    List<Detection> out = decoder.decode(logits, new float[896 * 16], 0.75f);
    assertEquals(1, out.size());
    assertEquals(anchors.x(7), out.get(0).cx(), 1e-5);
  }

  @Test
  void hugeLogitsAreClippedNotOverflowed() {
    assertEquals(1f, Decoder.sigmoid(1e30f), 1e-6);
    assertEquals(0f, Decoder.sigmoid(-1e30f), 1e-6);
  }

  @Test
  void outputsOfTheWrongLengthAreRejected() {
    assertThrows(
        IllegalArgumentException.class, () -> decoder.decode(new float[10], new float[160], 0.5f));
  }
}

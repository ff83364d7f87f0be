package org.expressionmirror.display.swt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.expressionmirror.api.Box;
import org.expressionmirror.api.Comparison;
import org.expressionmirror.api.Distribution;
import org.expressionmirror.api.Expressions;
import org.expressionmirror.api.FaceResult;
import org.expressionmirror.api.FrameResult;
import org.expressionmirror.api.StageTimes;
import org.junit.jupiter.api.Test;

/** Compare mode in the window without a display: the agreement count, status fields, menus' edits. */
class CompareDisplayTest {
  private static final Distribution HAPPY =
      new Distribution(Map.of(Expressions.HAPPINESS, 0.6, Expressions.NEUTRAL, 0.3, Expressions.SADNESS, 0.1));
  private static final Distribution SAD =
      new Distribution(Map.of(Expressions.SADNESS, 0.5, Expressions.NEUTRAL, 0.3, Expressions.ANGER, 0.2));
  private static final Box BOX = new Box(10, 10, 100, 100);

  private static FrameResult frame(long i, Distribution a, Comparison c) {
    List<FaceResult> faces = List.of(new FaceResult(1, BOX, a, a));
    return new FrameResult(i, i * 40.0, "haar@4", "faceapi-expression@1", "ema@1", faces, new StageTimes(1, 2, 3, 0), "", c);
  }

  private static Comparison b(String model, Distribution d) {
    return new Comparison("haar@4", model, List.of(new FaceResult(1, BOX, d, d)));
  }

  @Test
  void agreementCountsEveryComparedFrameAndStartsAgainWhenTheComparisonChanges() {
    Agreement agreement = new Agreement();
    assertEquals("", agreement.text());
    agreement.add(frame(0, HAPPY, b("minixception-fer2013@3", HAPPY)));
    FrameResult disagree = frame(1, HAPPY, b("minixception-fer2013@3", SAD));
    agreement.add(disagree);
    agreement.add(disagree); // shown again: not counted again
    agreement.add(frame(2, SAD, b("minixception-fer2013@3", SAD)));
    agreement.add(frame(3, SAD, b("minixception-fer2013@3", SAD)));
    assertEquals("A/B agree 75% of 4 faces", agreement.text());
    agreement.add(frame(4, HAPPY, b("ensemble@1", SAD)));
    assertEquals("A/B agree 0% of 1 face", agreement.text());
    agreement.add(frame(5, HAPPY, null));
    assertEquals("", agreement.text());
    agreement.add(frame(6, HAPPY, new Comparison("blazeface@1", "faceapi-expression@1", List.of())));
    assertEquals("A/B agree on no face yet (0 faces read by both)", agreement.text());
  }

  @Test
  void theStatusNamesBothReadingsOnlyInCompareMode() {
    List<String> off = StatusLine.fields("clip.avi", frame(0, HAPPY, null), 10);
    assertEquals("detector haar@4", off.get(1));
    assertEquals("model faceapi-expression@1", off.get(2));
    assertEquals("smoother ema@1", off.get(3));
    List<String> on = StatusLine.fields("clip.avi", frame(0, HAPPY, b("minixception-fer2013@3", SAD)), 10);
    assertEquals(
        List.of("A detector haar@4", "model faceapi-expression@1", "B detector haar@4", "model minixception-fer2013@3"),
        on.subList(1, 5));
  }

  @Test
  void aPairPanelShowsAsTopThreeAndBsTopWhenItIsMissing() {
    assertEquals(
        List.of(Expressions.HAPPINESS, Expressions.NEUTRAL, Expressions.SADNESS),
        FacePainter.pairLabels(HAPPY, SAD));
    assertEquals(
        List.of(Expressions.SADNESS, Expressions.NEUTRAL, Expressions.ANGER, Expressions.HAPPINESS),
        FacePainter.pairLabels(SAD, HAPPY));
  }

  @Test
  void theCompareMenusWriteTheirKeysAndOffWritesEmpty() throws Exception {
    InMemoryConfigStore store = new InMemoryConfigStore();
    Controls controls = new Controls(store);
    store.write("mirror.pipeline", Map.of("detector", "haar", "model", "faceapi-expression"), false);
    controls.selectCompare(Choices.Kind.MODEL, "minixception-fer2013");
    controls.selectCompare(Choices.Kind.DETECTOR, "blazeface");
    assertEquals(
        Map.of(
            "detector", "haar", "model", "faceapi-expression",
            "compare.model", "minixception-fer2013", "compare.detector", "blazeface"),
        store.read("mirror.pipeline"));
    assertEquals("blazeface", controls.configuredCompare(Choices.Kind.DETECTOR));
    controls.selectCompare(Choices.Kind.MODEL, "");
    assertEquals("", controls.configuredCompare(Choices.Kind.MODEL));
    assertEquals("", store.read("mirror.pipeline").get("compare.model"));
    assertThrows(IllegalArgumentException.class, () -> controls.selectCompare(Choices.Kind.SMOOTHER, "ema"));
  }
}

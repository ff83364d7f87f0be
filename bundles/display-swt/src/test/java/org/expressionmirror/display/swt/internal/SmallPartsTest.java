package org.expressionmirror.display.swt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.eclipse.swt.graphics.Rectangle;
import org.expressionmirror.api.FrameResult;
import org.expressionmirror.api.StageTimes;
import org.junit.jupiter.api.Test;

class SmallPartsTest {
  @Test
  void displayIsThereWhenX11OrWaylandIsNamed() {
    assertFalse(DisplayGate.hasDisplay(Map.of()));
    assertFalse(DisplayGate.hasDisplay(Map.of("DISPLAY", " ")));
    assertTrue(DisplayGate.hasDisplay(Map.of("DISPLAY", ":0")));
    assertTrue(DisplayGate.hasDisplay(Map.of("WAYLAND_DISPLAY", "wayland-0")));
  }

  @Test
  void statusLineNamesEveryComponentAndStage() {
    FrameResult r =
        new FrameResult(
            5, 166, "haar@4.10.0", "minixception-fer2013@3.3.6", "ema@1.0", List.of(),
            new StageTimes(1.25, 12.5, 3, 0.04));
    String line = StatusLine.format("camera:0", r, 29.96);
    for (String part :
        List.of(
            "camera:0", "haar@4.10.0", "minixception-fer2013@3.3.6", "ema@1.0", "30.0 fps",
            "decode 1.3", "detect 12.5", "classify 3.0", "smooth 0.0 ms")) {
      assertTrue(line.contains(part), part + " missing in " + line);
    }
    assertTrue(StatusLine.format("clip.mp4", null, 0).contains("waiting"));
  }

  @Test
  void idsLoseTheirVersion() {
    assertEquals("haar", Ids.base("haar@4.10.0"));
    assertEquals("none", Ids.base("none"));
  }

  @Test
  void rateIsFramesPerSecondOverTheLastTwoSeconds() {
    RateMeter meter = new RateMeter();
    assertEquals(0, meter.perSecond());
    for (int i = 0; i <= 100; i++) {
      meter.tick(i * 100_000_000L); // 10 per second for 10 s
    }
    assertEquals(10, meter.perSecond(), 1e-9);
  }

  @Test
  void choicesListDistinctSortedIds() {
    Choices choices = new Choices();
    choices.add(Choices.Kind.DETECTOR, "ref1", "haar");
    choices.add(Choices.Kind.DETECTOR, "ref2", "blazeface");
    choices.add(Choices.Kind.DETECTOR, "ref3", "haar");
    assertEquals(List.of("blazeface", "haar"), choices.ids(Choices.Kind.DETECTOR));
    choices.remove(Choices.Kind.DETECTOR, "ref2");
    assertEquals(List.of("haar"), choices.ids(Choices.Kind.DETECTOR));
    assertTrue(choices.ids(Choices.Kind.MODEL).isEmpty());
  }

  @Test
  void readingsPanelGoesLeftWhenTheRightIsFull() {
    Rectangle area = new Rectangle(0, 0, 800, 600);
    assertEquals(
        110 + FacePainter.GAP, FacePainter.panelBounds(new Rectangle(10, 50, 100, 100), area).x);
    Rectangle left = FacePainter.panelBounds(new Rectangle(650, 50, 100, 100), area);
    assertEquals(650 - FacePainter.GAP - FacePainter.PANEL_WIDTH, left.x);
  }
}

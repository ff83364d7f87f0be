package org.expressionmirror.display.swt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ControlsTest {
  private final InMemoryConfigStore store = new InMemoryConfigStore();
  private final Controls controls = new Controls(store);

  @Test
  void choosingAComponentWritesItsIdToThePipelineAndKeepsTheOtherKeys() throws Exception {
    store.write(
        "mirror.pipeline",
        Map.of("detector", "haar", "model", "minixception-fer2013", "smoother", "ema"),
        false);

    controls.select(Choices.Kind.DETECTOR, "blazeface");
    controls.select(Choices.Kind.SMOOTHER, "window");

    assertEquals(
        Map.of("detector", "blazeface", "model", "minixception-fer2013", "smoother", "window"),
        store.read("mirror.pipeline"));
  }

  @Test
  void choosingWhatIsAlreadyConfiguredDoesNotUpdate() throws Exception {
    controls.select(Choices.Kind.MODEL, "minixception-fer2013");
    controls.select(Choices.Kind.MODEL, "minixception-fer2013");
    assertEquals(1, store.updates().size());
  }

  @Test
  void cameraSmoothingViewAndLogGoToTheirPids() throws Exception {
    controls.selectCamera(2);
    controls.setSmoothingSeconds(1.5);
    controls.setMirrored(false);
    controls.setOnlyMyFace(true);
    controls.startLog("/home/me/readings.jsonl");

    assertEquals(Map.of("source", "camera:2"), store.read("mirror.source"));
    assertEquals(Map.of("halfLifeSeconds", 1.5), store.read("mirror.smoother.ema"));
    assertEquals(Map.of("windowSeconds", 1.5), store.read("mirror.smoother.window"));
    assertEquals(Map.of("mirrored", false, "onlyMyFace", true), store.read("mirror.display"));
    assertEquals(
        Map.of("enabled", true, "path", "/home/me/readings.jsonl"),
        store.read("mirror.record.jsonl"));
    assertTrue(controls.logEnabled());
    assertEquals(1.5, controls.smoothingSeconds().getAsDouble());

    controls.stopLog();
    assertEquals(
        Map.of("enabled", false, "path", "/home/me/readings.jsonl"),
        store.read("mirror.record.jsonl"));
    assertFalse(controls.logEnabled());
  }

  @Test
  void retryUpdatesTheSourceEvenWhenUnchanged() throws Exception {
    controls.selectCamera(1);
    controls.retrySource();
    controls.retrySource();

    assertEquals(3, store.updates().size());
    assertEquals(Map.of("source", "camera:1"), store.updates().get(2).properties());
  }

  @Test
  void retryWithoutSourceConfigurationOpensTheDefaultCamera() throws Exception {
    controls.retrySource();
    assertEquals(Map.of("source", "camera:0"), store.read("mirror.source"));
  }

  @Test
  void badValuesAreRejectedNamingThem() {
    var e = assertThrows(IllegalArgumentException.class, () -> controls.selectCamera(-1));
    assertTrue(e.getMessage().contains("-1"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> controls.setSmoothingSeconds(0));
    assertTrue(e.getMessage().contains("0.0"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> controls.startLog(" "));
    assertTrue(store.updates().isEmpty());
  }

  @Test
  void valuesWrittenAsTextByFileInstallAreRead() throws Exception {
    store.write("mirror.smoother.ema", Map.of("halfLifeSeconds", "0.75"), false);
    store.write("mirror.record.jsonl", Map.of("enabled", "true"), false);
    assertEquals(0.75, controls.smoothingSeconds().getAsDouble());
    assertTrue(controls.logEnabled());
  }
}

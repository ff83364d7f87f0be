package org.expressionmirror.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.expressionmirror.api.FrameResult;
import org.expressionmirror.api.StageTimes;
import org.junit.jupiter.api.Test;

class StatusTextTest {
  @Test
  void namesTheSourceTheComponentsInUseAndTheLastSecond() {
    LastSecond last = new LastSecond();
    last.record(0, new FrameResult(41, 1640, "blazeface@1.2.0-front128", "faceapi-expression@1.7.15", "window@1.0.0",
        List.of(), new StageTimes(2, 12.25, 4, 0.1)));
    String text =
        StatusText.of(
            Map.of("source", "/clips/a.avi", "realtime", Boolean.TRUE),
            Map.of("detector", "blazeface", "model", "faceapi-expression", "compare.model", "minixception-fer2013"),
            last.snapshot(0));
    assertEquals(
        String.join("\n",
            "source     /clips/a.avi (real time)",
            "detector   blazeface@1.2.0-front128 (configured: blazeface)",
            "model      faceapi-expression@1.7.15 (configured: faceapi-expression)",
            "smoother   window@1.0.0 (configured: not set: the default)",
            "compare    off (configured: model minixception-fer2013)",
            "frames     1 in the last second (1 fps); newest frame 41",
            "stage ms   median / max over the last second: decode 2.0 / 2.0 detect 12.3 / 12.3 classify 4.0 / 4.0"
                + " smooth 0.1 / 0.1"),
        text);
  }

  @Test
  void beforeTheFirstFrame() {
    String text = StatusText.of(Map.of(), Map.of(), new LastSecond().snapshot(0));
    assertTrue(text.startsWith("source     none\ndetector   - (configured: not set: the default)"), text);
    assertTrue(text.endsWith("frames     none yet"), text);
  }
}

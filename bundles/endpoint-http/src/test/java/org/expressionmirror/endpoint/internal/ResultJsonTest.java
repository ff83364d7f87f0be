package org.expressionmirror.endpoint.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.expressionmirror.api.Box;
import org.expressionmirror.api.Distribution;
import org.expressionmirror.api.FaceResult;
import org.expressionmirror.api.FrameResult;
import org.expressionmirror.api.StageTimes;
import org.junit.jupiter.api.Test;

class ResultJsonTest {
  @Test
  void eachFaceHasItsBoxExpressionsAndTopLabel() {
    Distribution d = new Distribution(Map.of("happiness", 0.71234, "neutral", 0.2, "sadness", 0.08766));
    FrameResult r =
        new FrameResult(
            0, 0, "haar@4.9.0", "faceapi-expression@1.7.15", "",
            List.of(new FaceResult(1, new Box(5, 6, 70, 80), d, null)),
            new StageTimes(0, 1, 2, 0));
    assertEquals(
        "{\"detector\":\"haar@4.9.0\",\"model\":\"faceapi-expression@1.7.15\",\"width\":640,\"height\":480,"
            + "\"faces\":[{\"box\":[5,6,70,80],"
            + "\"expressions\":{\"happiness\":0.7123,\"neutral\":0.2,\"sadness\":0.0877},\"top\":\"happiness\"}]}",
        new String(ResultJson.result(r, 640, 480), StandardCharsets.UTF_8));
  }

  @Test
  void anImageWithoutFacesHasAnEmptyList() {
    FrameResult r = new FrameResult(0, 0, "haar@4.9.0", "m@1", "", List.of(), new StageTimes(0, 1, 0, 0));
    assertEquals(
        "{\"detector\":\"haar@4.9.0\",\"model\":\"m@1\",\"width\":3,\"height\":2,\"faces\":[]}",
        new String(ResultJson.result(r, 3, 2), StandardCharsets.UTF_8));
  }

  @Test
  void anErrorIsEscapedJson() {
    assertEquals(
        "{\"error\":\"Content-Type \\\"x\\\" is not an image\"}",
        new String(ResultJson.error("Content-Type \"x\" is not an image"), StandardCharsets.UTF_8));
  }
}

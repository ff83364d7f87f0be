package org.expressionmirror.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Map;
import org.expressionmirror.models.supply.PinnedFiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The artifact's class path resources are exactly the pinned upstream files, at the agreed paths. */
class ArtifactLayoutTest {

  @ParameterizedTest
  @CsvSource({
    "blazeface/face_detection_front_128x128_barracuda.onnx, npm/blazeface/package/ONNX/face_detection_front_128x128_barracuda.onnx",
    "blazeface/face_detection_back_256x256_barracuda.onnx, npm/blazeface/package/ONNX/face_detection_back_256x256_barracuda.onnx",
    "cascades/haarcascade_frontalface_default.xml, cascade/org/bytedeco/opencv/linux-x86_64/share/opencv4/haarcascades/haarcascade_frontalface_default.xml",
    "cascades/haarcascade_frontalface_alt.xml, cascade/org/bytedeco/opencv/linux-x86_64/share/opencv4/haarcascades/haarcascade_frontalface_alt.xml",
    "cascades/haarcascade_frontalface_alt2.xml, cascade/org/bytedeco/opencv/linux-x86_64/share/opencv4/haarcascades/haarcascade_frontalface_alt2.xml",
    "cascades/haarcascade_profileface.xml, cascade/org/bytedeco/opencv/linux-x86_64/share/opencv4/haarcascades/haarcascade_profileface.xml",
    "cascades/lbpcascade_frontalface_improved.xml, cascade/org/bytedeco/opencv/linux-x86_64/share/opencv4/lbpcascades/lbpcascade_frontalface_improved.xml",
    "testdata/faces/sample1.jpg, npm/face-api/package/demo/sample1.jpg",
    "testdata/faces/sample2.jpg, npm/face-api/package/demo/sample2.jpg",
    "testdata/faces/sample3.jpg, npm/face-api/package/demo/sample3.jpg",
    "testdata/faces/sample4.jpg, npm/face-api/package/demo/sample4.jpg",
    "testdata/faces/sample5.jpg, npm/face-api/package/demo/sample5.jpg",
    "testdata/faces/sample6.jpg, npm/face-api/package/demo/sample6.jpg",
  })
  void resourceIsThePinnedUpstreamFile(String resource, String pinnedPath)
      throws IOException, URISyntaxException {
    URL url = getClass().getClassLoader().getResource(resource);
    assertNotNull(url, "missing class path resource " + resource);
    Map<String, String> pins = PinnedFiles.read(Path.of("pins.sha256")).pins();
    assertEquals(pins.get(pinnedPath), PinnedFiles.sha256(Path.of(url.toURI())), resource);
  }
}

package org.expressionmirror.face.haar.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import org.expressionmirror.api.Box;
import org.expressionmirror.api.Face;
import org.expressionmirror.api.Frame;
import org.expressionmirror.platform.opencv.FrameMats;
import org.expressionmirror.platform.opencv.OpenCvRuntime;
import org.expressionmirror.platform.opencv.internal.OpenCvLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.imgcodecs.Imgcodecs;
import org.osgi.service.log.Logger;

class HaarFaceDetectorTest {
  /**
   * The three faces of sample3.jpg (1920x1350), forehead to chin and cheek to cheek, read off the
   * photo by eye on a 50-pixel grid (left: blonde, middle, right: dark hair).
   */
  private static final List<Box> SAMPLE3_FACES =
      List.of(new Box(570, 375, 220, 215), new Box(1040, 250, 260, 260), new Box(1500, 340, 220, 220));

  /** The one frontal face of sample4.jpg (1920x1448) the cascade can see (third from left). */
  private static final Box SAMPLE4_FACE = new Box(960, 210, 190, 210);

  private static OpenCvRuntime openCv;

  @BeforeAll
  static void loadOpenCv() {
    openCv = new OpenCvLoader();
  }

  @Test
  void findsTheThreeFacesOfARealPhoto() {
    List<Face> faces = detector(config(1.3, 5, 40, 640)).detect(photo("sample3.jpg"));
    assertMatches(SAMPLE3_FACES, faces);
  }

  @Test
  void findsTheSameFacesWithoutDownscaling() {
    List<Face> faces = detector(config(1.3, 5, 40, 0)).detect(photo("sample3.jpg"));
    assertMatches(SAMPLE3_FACES, faces);
  }

  @Test
  void findsTheFrontalFaceOfAnotherPhoto() {
    List<Face> faces = detector(config(1.3, 5, 40, 640)).detect(photo("sample4.jpg"));
    assertMatches(List.of(SAMPLE4_FACE), faces);
    assertEquals(1.0, faces.get(0).score());
  }

  @Test
  void minFaceSizeIsInSourcePixels() {
    // The faces of sample3 are 220 to 315 source pixels wide: a 400-pixel minimum excludes all.
    assertEquals(List.of(), detector(config(1.3, 5, 400, 640)).detect(photo("sample3.jpg")));
  }

  @Test
  void findsNoFaceInAGradientOrInBackground() {
    HaarFaceDetector detector = detector(config(1.3, 5, 40, 640));
    byte[] bgr = new byte[640 * 480 * 3];
    for (int i = 0; i < bgr.length; i++) {
      int x = (i / 3) % 640;
      int y = (i / 3) / 640;
      bgr[i] = (byte) ((x + y * (i % 3 + 1)) / 4);
    }
    assertEquals(List.of(), detector.detect(new Frame(0, 0, 640, 480, bgr)));
    // The left part of sample3: doors, a window and furniture, nobody.
    assertEquals(List.of(), detector.detect(photo("sample3.jpg", new Rect(0, 0, 500, 1350))));
  }

  @Test
  void detectorVersionIsTheLoadedOpenCv() {
    assertEquals(Core.VERSION, HaarFaceDetector.OPENCV_VERSION);
    assertEquals(openCv.version(), HaarFaceDetector.OPENCV_VERSION);
  }

  @Test
  void invalidConfigurationIsRejectedNamingKeyAndValue() {
    assertInvalid(config(1.0, 5, 40, 640), "mirror.detector.haar: scaleFactor", "got 1.0");
    assertInvalid(config(Double.NaN, 5, 40, 640), "scaleFactor", "got NaN");
    assertInvalid(config(1.3, -1, 40, 640), "mirror.detector.haar: minNeighbors", "got -1");
    assertInvalid(config(1.3, 5, -3, 640), "mirror.detector.haar: minFaceSize", "got -3");
    assertInvalid(config(1.3, 5, 40, 20), "mirror.detector.haar: detectionWidth", "got 20");
  }

  @Test
  void invalidChangeKeepsThePreviousSettingsAndLogsWhy() {
    List<String> errors = new ArrayList<>();
    HaarFaceDetector detector = new HaarFaceDetector(config(1.3, 5, 40, 640), openCv, logger(errors));
    detector.modified(config(1.2, 3, 60, 800));
    assertEquals(new HaarSettings(1.2, 3, 60, 800), detector.settings());
    assertEquals(List.of(), errors);
    detector.modified(config(0.5, 3, 60, 800));
    assertEquals(new HaarSettings(1.2, 3, 60, 800), detector.settings());
    assertEquals(1, errors.size());
    assertTrue(errors.get(0).contains("scaleFactor must be a number greater than 1, got 0.5"), errors.get(0));
    // Still detecting with the kept settings.
    assertMatches(SAMPLE3_FACES, detector.detect(photo("sample3.jpg")));
  }

  @Test
  void brokenCascadeFileIsNamed() throws Exception {
    Path broken = Files.createTempFile("broken", ".xml");
    Files.writeString(broken, "<opencv_storage><cascade>nothing</cascade></opencv_storage>");
    try {
      Exception e = assertThrows(java.io.IOException.class, () -> HaarCascade.load(broken, "broken.xml"));
      assertEquals("cannot load Haar cascade: broken.xml", e.getMessage());
    } finally {
      Files.delete(broken);
    }
  }

  @Test
  void downscaleFactorFollowsDetectionWidth() {
    assertEquals(0.5, HaarCascade.scaleFor(1280, 640));
    assertEquals(1.0, HaarCascade.scaleFor(640, 640));
    assertEquals(1.0, HaarCascade.scaleFor(1920, 0));
  }

  private static void assertMatches(List<Box> expected, List<Face> faces) {
    assertEquals(expected.size(), faces.size(), "faces found: " + faces);
    for (Box want : expected) {
      double best = faces.stream().mapToDouble(f -> f.box().iou(want)).max().orElse(0);
      assertTrue(best >= 0.5, "no detection near " + want + " (best IoU " + best + ") in " + faces);
    }
  }

  private static void assertInvalid(HaarConfig config, String... parts) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new HaarFaceDetector(config, openCv, logger(new ArrayList<>())));
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), e.getMessage() + " lacks " + part);
    }
  }

  private static HaarFaceDetector detector(HaarConfig config) {
    return new HaarFaceDetector(config, openCv, logger(new ArrayList<>()));
  }

  private static Frame photo(String name) {
    return photo(name, null);
  }

  private static Frame photo(String name, Rect part) {
    Path file =
        Path.of(System.getProperty("testdata.dir", "target/testdata"), "testdata/faces", name);
    Mat image = Imgcodecs.imread(file.toString());
    assertTrue(!image.empty() && image.type() == CvType.CV_8UC3, "test photo missing: " + file);
    Mat view = part == null ? image : image.submat(part);
    try {
      return FrameMats.toFrame(view, 0, 0);
    } finally {
      view.release();
      image.release();
    }
  }

  record Config(double scaleFactor, int minNeighbors, int minFaceSize, int detectionWidth)
      implements HaarConfig {
    @Override
    public Class<? extends Annotation> annotationType() {
      return HaarConfig.class;
    }
  }

  private static HaarConfig config(double scale, int neighbours, int minSize, int width) {
    return new Config(scale, neighbours, minSize, width);
  }

  /** An OSGi Logger that keeps the formatted error messages. */
  private static Logger logger(List<String> errors) {
    return (Logger)
        Proxy.newProxyInstance(
            Logger.class.getClassLoader(),
            new Class<?>[] {Logger.class},
            (proxy, method, args) -> {
              if (method.getName().equals("error") && args != null && args[0] instanceof String f) {
                errors.add(format(f, Arrays.copyOfRange(args, 1, args.length)));
              }
              return method.getReturnType() == boolean.class ? Boolean.TRUE : null;
            });
  }

  /** Fills the {} placeholders like the OSGi Logger does; a single array argument is varargs. */
  private static String format(String pattern, Object[] args) {
    Object[] values = args.length == 1 && args[0] instanceof Object[] a ? a : args;
    String out = pattern;
    for (Object value : values) {
      out = out.replaceFirst("\\{}", Matcher.quoteReplacement(String.valueOf(value)));
    }
    return out;
  }
}

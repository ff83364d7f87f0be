package org.expressionmirror.example.face.lbp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.expressionmirror.api.Box;
import org.expressionmirror.api.Face;
import org.expressionmirror.api.Frame;
import org.expressionmirror.platform.opencv.FrameMats;
import org.expressionmirror.platform.opencv.OpenCvRuntime;
import org.expressionmirror.platform.opencv.internal.OpenCvLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;
import org.osgi.service.log.Logger;

/** The detector on the real photos the models artifact ships (testdata/faces). */
class LbpDetectorTest {
  /** The three faces of sample3.jpg (1920x1350), read off the photo by eye. */
  private static final List<Box> SAMPLE3_FACES =
      List.of(new Box(570, 375, 220, 215), new Box(1040, 250, 260, 260), new Box(1500, 340, 220, 220));

  private static final List<String> PHOTOS =
      List.of("sample1.jpg", "sample2.jpg", "sample3.jpg", "sample4.jpg", "sample5.jpg", "sample6.jpg");

  private static OpenCvRuntime openCv;

  @BeforeAll
  static void loadOpenCv() {
    openCv = new OpenCvLoader();
  }

  @Test
  void findsAFaceOfARealPhotoWhereAPersonIs() {
    List<Face> faces = detector(config(1.3, 5, 40, 640), new ArrayList<>()).detect(photo("sample3.jpg"));
    assertEquals(1, faces.size(), faces.toString());
    Box found = faces.get(0).box();
    assertTrue(SAMPLE3_FACES.stream().anyMatch(b -> b.iou(found) > 0.5), found.toString());
  }

  @Test
  void onTheSixShippedPhotosItFindsWhatTheReadmeSays() {
    LbpDetector lbp = detector(config(1.3, 5, 40, 640), new ArrayList<>());
    int total = PHOTOS.stream().mapToInt(p -> lbp.detect(photo(p)).size()).sum();
    assertEquals(3, total);
  }

  @Test
  void aGreyFrameHasNoFace() {
    byte[] grey = new byte[320 * 240 * 3];
    java.util.Arrays.fill(grey, (byte) 128);
    assertEquals(List.of(), detector(config(1.3, 5, 40, 640), new ArrayList<>()).detect(new Frame(0, 0, 320, 240, grey)));
  }

  @Test
  void aBadValueNamesPidKeyAndValueAndAChangeToItIsRejected() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> detector(config(1.0, 5, 40, 640), new ArrayList<>()));
    assertEquals("mirror.detector.lbp: scaleFactor must be a number greater than 1, got 1.0", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> detector(config(1.3, 5, 40, 20), new ArrayList<>()));
    assertEquals("mirror.detector.lbp: detectionWidth must be 0 or at least 48, got 20", e.getMessage());
    List<String> errors = new ArrayList<>();
    LbpDetector lbp = detector(config(1.3, 5, 40, 640), errors);
    lbp.modified(config(1.3, -1, 40, 640));
    assertEquals(5, lbp.settings().minNeighbors());
    assertEquals(1, errors.size());
    assertTrue(errors.get(0).contains("minNeighbors must be 0 or more, got -1"), errors.get(0));
    lbp.modified(config(1.1, 3, 40, 0));
    assertEquals(new LbpSettings(1.1, 3, 40, 0), lbp.settings());
  }

  @Test
  void itsVersionIsThatOfTheLoadedOpenCv() {
    assertEquals(LbpDetector.VERSION, openCv.version());
  }

  private static LbpDetector detector(LbpConfig config, List<String> errors) {
    return new LbpDetector(config, openCv, logger(errors));
  }

  private static Frame photo(String name) {
    Path file = Path.of(System.getProperty("testdata.dir", "target/testdata"), "testdata/faces", name);
    Mat image = Imgcodecs.imread(file.toString());
    assertTrue(!image.empty() && image.type() == CvType.CV_8UC3, "test photo missing: " + file);
    try {
      return FrameMats.toFrame(image, 0, 0);
    } finally {
      image.release();
    }
  }

  private static LbpConfig config(double scaleFactor, int minNeighbors, int minFaceSize, int detectionWidth) {
    return new LbpConfig() {
      @Override
      public Class<? extends Annotation> annotationType() {
        return LbpConfig.class;
      }

      @Override
      public double scaleFactor() {
        return scaleFactor;
      }

      @Override
      public int minNeighbors() {
        return minNeighbors;
      }

      @Override
      public int minFaceSize() {
        return minFaceSize;
      }

      @Override
      public int detectionWidth() {
        return detectionWidth;
      }
    };
  }

  /** An OSGi Logger that keeps the error messages (pattern and arguments joined). */
  private static Logger logger(List<String> errors) {
    return (Logger)
        Proxy.newProxyInstance(
            Logger.class.getClassLoader(),
            new Class<?>[] {Logger.class},
            (proxy, method, args) -> {
              if (method.getName().equals("error") && args != null) {
                StringBuilder line = new StringBuilder();
                for (Object a : args) {
                  line.append(a instanceof Object[] array ? List.of(array) : a).append(' ');
                }
                errors.add(line.toString());
              }
              return method.getReturnType() == boolean.class ? Boolean.TRUE : null;
            });
  }
}

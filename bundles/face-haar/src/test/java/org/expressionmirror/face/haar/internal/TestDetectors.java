package org.expressionmirror.face.haar.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.expressionmirror.api.Frame;
import org.expressionmirror.platform.opencv.FrameMats;
import org.expressionmirror.platform.opencv.OpenCvRuntime;
import org.expressionmirror.platform.opencv.internal.OpenCvLoader;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;
import org.osgi.service.log.Logger;

/** Real cascade detectors with the shipped defaults, and the shipped photos, for the tests. */
final class TestDetectors {
  /** The face-api demo photos the models artifact ships in testdata/faces/. */
  static final List<String> PHOTOS =
      List.of("sample1.jpg", "sample2.jpg", "sample3.jpg", "sample4.jpg", "sample5.jpg", "sample6.jpg");

  private static OpenCvRuntime openCv;

  private TestDetectors() {}

  static synchronized OpenCvRuntime openCv() {
    if (openCv == null) {
      openCv = new OpenCvLoader();
    }
    return openCv;
  }

  /** The default settings of {@link HaarConfig}. */
  static HaarConfig defaults() {
    return new HaarFaceDetectorTest.Config(1.3, 5, 40, 640);
  }

  static CascadeDetector detector(Cascade cascade) {
    return new CascadeDetector(cascade, defaults(), openCv(), logger(new ArrayList<>()));
  }

  static Frame photo(String name) {
    return photo(name, false);
  }

  /** The photo, or its mirror image (flipped left to right). */
  static Frame photo(String name, boolean mirrored) {
    openCv();
    Path file =
        Path.of(System.getProperty("testdata.dir", "target/testdata"), "testdata/faces", name);
    Mat image = Imgcodecs.imread(file.toString());
    assertTrue(!image.empty() && image.type() == CvType.CV_8UC3, "test photo missing: " + file);
    try {
      if (mirrored) {
        Core.flip(image, image, 1);
      }
      return FrameMats.toFrame(image, 0, 0);
    } finally {
      image.release();
    }
  }

  /** A chain configuration with these link values. */
  static ChainConfig chain(String... links) {
    return new ChainConfig() {
      @Override
      public Class<? extends Annotation> annotationType() {
        return ChainConfig.class;
      }

      @Override
      public String[] links() {
        return links;
      }
    };
  }

  /** An OSGi Logger that keeps the error messages (pattern and arguments joined). */
  static Logger logger(List<String> errors) {
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

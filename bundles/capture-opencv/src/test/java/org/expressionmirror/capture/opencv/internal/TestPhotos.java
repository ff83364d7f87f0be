package org.expressionmirror.capture.opencv.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;

/** Real photos unpacked by the build from the models artifact (testdata/faces). */
final class TestPhotos {
  private TestPhotos() {}

  static Path path(String name) {
    Path photo = Path.of(System.getProperty("testdata.dir", "target/testdata"), "testdata/faces", name);
    if (!Files.isRegularFile(photo)) {
      throw new IllegalStateException("test photo missing (unpacked by the build): " + photo);
    }
    return photo;
  }

  static Mat read(String name) {
    Mat photo = Imgcodecs.imread(path(name).toString());
    if (photo.empty()) {
      throw new IllegalStateException("cannot decode test photo " + name);
    }
    return photo;
  }
}

package org.expressionmirror.face.blazeface.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.expressionmirror.api.Frame;
import org.expressionmirror.platform.opencv.FrameMats;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Rect;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * The group photos of npm @vladmandic/face-api 1.7.15 (demo/sample1..6.jpg, 1920 px wide) as the
 * models jar ships them in testdata/faces/, with face centres read off by eye on a 100 px grid.
 */
final class Photos {
  private Photos() {}

  /** A photo and the centres (x, y in source pixels) of the faces a person sees in it. */
  record Photo(String name, List<int[]> faces) {
    @Override
    public String toString() {
      return name + " (" + faces.size() + " faces)";
    }
  }

  static final List<Photo> GROUP_PHOTOS =
      List.of(
          new Photo("sample1.jpg", List.of(xy(524, 500), xy(940, 520), xy(1560, 320))),
          // Left face in profile, middle one looking down.
          new Photo("sample2.jpg", List.of(xy(430, 310), xy(980, 340), xy(1550, 300))),
          new Photo("sample3.jpg", List.of(xy(680, 490), xy(1160, 370), xy(1590, 440))),
          new Photo(
              "sample4.jpg", List.of(xy(350, 300), xy(740, 190), xy(1070, 290), xy(1350, 260))),
          new Photo(
              "sample5.jpg",
              List.of(xy(860, 240), xy(680, 570), xy(1170, 330), xy(1510, 530), xy(460, 1000))),
          new Photo(
              "sample6.jpg", List.of(xy(360, 620), xy(750, 480), xy(1260, 470), xy(1600, 430))));

  private static int[] xy(int x, int y) {
    return new int[] {x, y};
  }

  /** The photo decoded to a frame. */
  static Frame frame(String name) {
    Mat mat = decode(name);
    try {
      return FrameMats.toFrame(mat, 0, 0);
    } finally {
      mat.release();
    }
  }

  /** A part of the photo, cut to its bounds, as a frame. */
  static Frame crop(String name, Rect part) {
    Mat mat = decode(name);
    Mat view = mat.submat(part);
    try {
      return FrameMats.toFrame(view, 0, 0);
    } finally {
      view.release();
      mat.release();
    }
  }

  private static Mat decode(String name) {
    String resource = "testdata/faces/" + name;
    try (InputStream in = Photos.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the test class path (models jar)");
      }
      MatOfByte bytes = new MatOfByte(in.readAllBytes());
      try {
        Mat mat = Imgcodecs.imdecode(bytes, Imgcodecs.IMREAD_COLOR);
        if (mat.empty()) {
          throw new IllegalStateException(resource + " cannot be decoded");
        }
        return mat;
      } finally {
        bytes.release();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

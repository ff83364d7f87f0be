package org.expressionmirror.training.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * A small labelled set made from the real faces in the shipped test photos (the face-api demo
 * pictures, the boxes of the models' golden files): ten people, each face cropped four ways
 * (shifted and widened), upright under {@code neutral/<person>/} and upside down under {@code
 * surprise/<person>/}. Which label is which is arbitrary; what matters is that the task is real
 * (the backbone must see the difference in real pixels) and that each person's crops share a
 * subject folder, so the folds are grouped by person.
 */
final class GeneratedFaces {
  static final Path PHOTOS = Path.of("target/models-jar/testdata/faces");
  static final Path FACE_API = Path.of("target/models-jar/models/faceapi-expression.json");

  private static final Object[][] FACES = {
    {"sample1.jpg", new int[] {400, 340, 200, 250}},
    {"sample1.jpg", new int[] {820, 400, 210, 240}},
    {"sample1.jpg", new int[] {1450, 180, 240, 270}},
    {"sample2.jpg", new int[] {1430, 160, 230, 240}},
    {"sample3.jpg", new int[] {585, 320, 200, 280}},
    {"sample3.jpg", new int[] {1060, 200, 240, 300}},
    {"sample3.jpg", new int[] {1495, 270, 200, 300}},
    {"sample5.jpg", new int[] {770, 120, 180, 230}},
    {"sample5.jpg", new int[] {360, 840, 230, 300}},
    {"sample5.jpg", new int[] {1410, 390, 200, 280}},
  };

  /** (dx, dy, grow) of each crop, in fractions of the box. */
  private static final double[][] VARIANTS = {{0, 0, 0}, {-0.08, 0, 0}, {0.08, 0.05, 0}, {0, -0.05, 0.12}};

  private GeneratedFaces() {}

  /** Writes the set into {@code dir}; returns the number of images per label. */
  static int write(Path dir) throws IOException {
    nu.pattern.OpenCV.loadLocally();
    int n = 0;
    for (int f = 0; f < FACES.length; f++) {
      Mat photo = Imgcodecs.imread(PHOTOS.resolve((String) FACES[f][0]).toString());
      if (photo.empty()) {
        throw new IOException("cannot read " + PHOTOS.resolve((String) FACES[f][0]));
      }
      int[] b = (int[]) FACES[f][1];
      for (int v = 0; v < VARIANTS.length; v++) {
        double[] d = VARIANTS[v];
        int grow = (int) (b[2] * d[2]);
        Rect r = new Rect(b[0] + (int) (b[2] * d[0]) - grow, b[1] + (int) (b[3] * d[1]) - grow, b[2] + 2 * grow, b[3] + 2 * grow);
        Mat crop = new Mat(photo, r).clone();
        Mat flipped = new Mat();
        Core.flip(crop, flipped, -1);
        write(dir.resolve("neutral/person" + f + "/crop" + v + ".png"), crop);
        write(dir.resolve("surprise/person" + f + "/crop" + v + ".png"), flipped);
        crop.release();
        flipped.release();
        n++;
      }
      photo.release();
    }
    return n;
  }

  static List<String> labels() {
    return List.of("neutral", "surprise");
  }

  private static void write(Path file, Mat image) throws IOException {
    Files.createDirectories(file.getParent());
    if (!Imgcodecs.imwrite(file.toString(), image)) {
      throw new IOException("cannot write " + file);
    }
  }
}

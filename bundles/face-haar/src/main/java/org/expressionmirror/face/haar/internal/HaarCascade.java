package org.expressionmirror.face.haar.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.expressionmirror.api.Box;
import org.expressionmirror.api.Face;
import org.expressionmirror.api.Frame;
import org.expressionmirror.platform.opencv.FrameMats;
import org.opencv.core.Core;
import org.opencv.core.CvException;
import org.opencv.core.Mat;
import org.opencv.core.MatOfRect;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.opencv.objdetect.CascadeClassifier;

/**
 * One loaded cascade (Haar or LBP: OpenCV's {@link CascadeClassifier} reads both) and the
 * detection around it. {@link CascadeClassifier} is not thread-safe, so {@link #detect} is
 * synchronised: callers on several threads take turns.
 */
final class HaarCascade {
  private final CascadeClassifier classifier;

  private HaarCascade(CascadeClassifier classifier) {
    this.classifier = classifier;
  }

  /**
   * Loads an embedded cascade. OpenCV reads cascades only from files, so the resource is copied
   * to a temporary file in {@code java.io.tmpdir}, which is deleted as soon as it is parsed (the
   * classifier keeps everything in memory): nothing is left behind even if the JVM dies.
   */
  static HaarCascade load(Cascade cascade) throws IOException {
    String resource = cascade.resource();
    Path file = Files.createTempFile(cascade.file.replace(".xml", ""), ".xml");
    try {
      try (InputStream in = HaarCascade.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IOException("cascade missing from the bundle: " + resource);
        }
        Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      }
      return load(file, resource);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** Loads a cascade file; {@code name} is what error messages call it. */
  static HaarCascade load(Path file, String name) throws IOException {
    CascadeClassifier classifier = new CascadeClassifier();
    boolean loaded;
    try {
      loaded = classifier.load(file.toString()) && !classifier.empty();
    } catch (CvException e) {
      // OpenCV throws for malformed XML and merely returns false for other problems.
      throw new IOException("cannot load Haar cascade: " + name, e);
    }
    if (!loaded) {
      throw new IOException("cannot load Haar cascade: " + name);
    }
    return new HaarCascade(classifier);
  }

  /**
   * Faces in the frame in source pixels, in OpenCV's order (which varies: it runs threads); with
   * {@code alsoMirrored} the cascade also runs on the mirror image and its faces that are not
   * already found are added, mapped back to the frame.
   */
  synchronized List<Face> detect(Frame frame, HaarSettings settings, boolean alsoMirrored) {
    double scale = scaleFor(frame.width(), settings.detectionWidth());
    Mat bgr = FrameMats.toMat(frame);
    Mat grey = new Mat();
    Mat flipped = new Mat();
    try {
      Imgproc.cvtColor(bgr, grey, Imgproc.COLOR_BGR2GRAY);
      if (scale < 1) {
        // INTER_AREA averages the dropped pixels, so small faces keep their contrast.
        Imgproc.resize(grey, grey, new Size(), scale, scale, Imgproc.INTER_AREA);
      }
      int minSize = (int) Math.round(settings.minFaceSize() * scale);
      List<Box> boxes = run(grey, settings, minSize);
      if (alsoMirrored) {
        Core.flip(grey, flipped, 1);
        List<Box> back = run(flipped, settings, minSize).stream().map(b -> Mirror.back(b, grey.cols())).toList();
        boxes = Mirror.merge(boxes, back);
      }
      return toFaces(boxes, 1 / scale, frame);
    } finally {
      flipped.release();
      grey.release();
      bgr.release();
    }
  }

  private List<Box> run(Mat grey, HaarSettings settings, int minSize) {
    MatOfRect found = new MatOfRect();
    try {
      classifier.detectMultiScale(
          grey,
          found,
          settings.scaleFactor(),
          settings.minNeighbors(),
          0,
          new Size(minSize, minSize),
          new Size());
      List<Box> boxes = new ArrayList<>();
      for (Rect r : found.toArray()) {
        boxes.add(FrameMats.toBox(r));
      }
      return boxes;
    } finally {
      found.release();
    }
  }

  static double scaleFor(int width, int detectionWidth) {
    return detectionWidth > 0 && width > detectionWidth ? (double) detectionWidth / width : 1;
  }

  private static List<Face> toFaces(List<Box> boxes, double back, Frame frame) {
    List<Face> faces = new ArrayList<>(boxes.size());
    for (Box b : boxes) {
      faces.add(new Face(FrameMats.scale(b, back).clip(frame.width(), frame.height()), 1.0));
    }
    return faces;
  }
}

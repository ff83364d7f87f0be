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
import org.opencv.core.CvException;
import org.opencv.core.Mat;
import org.opencv.core.MatOfRect;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.opencv.objdetect.CascadeClassifier;

/**
 * One loaded cascade and the detection around it. {@link CascadeClassifier} is not thread-safe, so
 * {@link #detect} is synchronised: callers on several threads take turns.
 */
final class HaarCascade {
  /** The cascade embedded in this bundle at build time (from the models artifact). */
  static final String RESOURCE = "/cascades/haarcascade_frontalface_default.xml";

  private final CascadeClassifier classifier;

  private HaarCascade(CascadeClassifier classifier) {
    this.classifier = classifier;
  }

  /**
   * Loads the embedded cascade. OpenCV reads cascades only from files, so the resource is copied
   * to a temporary file in {@code java.io.tmpdir}, which is deleted as soon as it is parsed (the
   * classifier keeps everything in memory): nothing is left behind even if the JVM dies.
   */
  static HaarCascade load() throws IOException {
    Path file = Files.createTempFile("haarcascade_frontalface_default", ".xml");
    try {
      try (InputStream in = HaarCascade.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IOException("Haar cascade missing from the bundle: " + RESOURCE);
        }
        Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      }
      return load(file, RESOURCE);
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

  /** Faces in the frame in source pixels, largest first is not promised: OpenCV's order. */
  synchronized List<Face> detect(Frame frame, HaarSettings settings) {
    double scale = scaleFor(frame.width(), settings.detectionWidth());
    Mat bgr = FrameMats.toMat(frame);
    Mat grey = new Mat();
    MatOfRect found = new MatOfRect();
    try {
      Imgproc.cvtColor(bgr, grey, Imgproc.COLOR_BGR2GRAY);
      if (scale < 1) {
        // INTER_AREA averages the dropped pixels, so small faces keep their contrast.
        Imgproc.resize(grey, grey, new Size(), scale, scale, Imgproc.INTER_AREA);
      }
      int minSize = (int) Math.round(settings.minFaceSize() * scale);
      classifier.detectMultiScale(
          grey,
          found,
          settings.scaleFactor(),
          settings.minNeighbors(),
          0,
          new Size(minSize, minSize),
          new Size());
      return toFaces(found.toArray(), 1 / scale, frame);
    } finally {
      found.release();
      grey.release();
      bgr.release();
    }
  }

  static double scaleFor(int width, int detectionWidth) {
    return detectionWidth > 0 && width > detectionWidth ? (double) detectionWidth / width : 1;
  }

  private static List<Face> toFaces(Rect[] rects, double back, Frame frame) {
    List<Face> faces = new ArrayList<>(rects.length);
    for (Rect r : rects) {
      Box box = FrameMats.scale(FrameMats.toBox(r), back).clip(frame.width(), frame.height());
      faces.add(new Face(box, 1.0));
    }
    return faces;
  }
}

package org.expressionmirror.example.face.lbp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
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
 * The loaded cascade and the detection around it. {@link CascadeClassifier} is not thread-safe,
 * so {@link #detect} is synchronised: callers on several threads take turns.
 */
final class LbpCascade {
  /** Where the build puts the cascade (unpacked from the models artifact). */
  static final String RESOURCE = "/cascades/lbpcascade_frontalface_improved.xml";

  private final CascadeClassifier classifier;

  private LbpCascade(CascadeClassifier classifier) {
    this.classifier = classifier;
  }

  /**
   * Loads the embedded cascade. OpenCV reads cascades only from files, so the resource is copied
   * to a temporary file that is deleted as soon as it is parsed (the classifier keeps everything
   * in memory).
   */
  static LbpCascade load() throws IOException {
    Path file = Files.createTempFile("lbpcascade", ".xml");
    try {
      try (InputStream in = LbpCascade.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IOException("cascade missing from the bundle: " + RESOURCE);
        }
        Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      }
      CascadeClassifier classifier = new CascadeClassifier();
      try {
        if (!classifier.load(file.toString()) || classifier.empty()) {
          throw new IOException("cannot load LBP cascade: " + RESOURCE);
        }
      } catch (CvException e) {
        throw new IOException("cannot load LBP cascade: " + RESOURCE, e);
      }
      return new LbpCascade(classifier);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** Faces in the frame in source pixels. Every Mat opened here is released here. */
  synchronized List<Face> detect(Frame frame, LbpSettings settings) {
    double scale = settings.scaleFor(frame.width());
    Mat bgr = FrameMats.toMat(frame);
    Mat grey = new Mat();
    MatOfRect found = new MatOfRect();
    try {
      Imgproc.cvtColor(bgr, grey, Imgproc.COLOR_BGR2GRAY);
      if (scale < 1) {
        // INTER_AREA averages the dropped pixels, so small faces keep their contrast
        Imgproc.resize(grey, grey, new Size(), scale, scale, Imgproc.INTER_AREA);
      }
      int minSize = (int) Math.round(settings.minFaceSize() * scale);
      classifier.detectMultiScale(
          grey, found, settings.scaleFactor(), settings.minNeighbors(), 0, new Size(minSize, minSize), new Size());
      List<Face> faces = new ArrayList<>();
      for (Rect r : found.toArray()) {
        faces.add(new Face(FrameMats.scale(FrameMats.toBox(r), 1 / scale).clip(frame.width(), frame.height()), 1.0));
      }
      return faces;
    } finally {
      found.release();
      grey.release();
      bgr.release();
    }
  }
}

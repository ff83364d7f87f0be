package org.expressionmirror.evaluation.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.expressionmirror.api.Box;
import org.expressionmirror.api.ExpressionModel;
import org.expressionmirror.api.Face;
import org.expressionmirror.api.FaceDetector;
import org.expressionmirror.api.Frame;
import java.io.IOException;
import org.expressionmirror.platform.opencv.FrameMats;
import org.expressionmirror.platform.opencv.ImageFiles;
import org.opencv.core.Mat;

/**
 * Runs a model over every image of a dataset, one image at a time on the calling thread (the
 * models serialise their calls anyway, and the pipeline calls them from one thread too), and
 * counts the top label against the folder's label. An image that cannot be decoded is reported,
 * left out of the scores and counted as unreadable: one damaged file must not void a long run.
 */
final class Evaluator {
  private final ExpressionModel model;
  private final String modelName;
  private final FaceDetector detector;
  private final String detectorName;
  private final Consumer<String> warnings;

  /**
   * @param detector the face detector, or null to take each whole image as the face
   * @param detectorName id and version of the detector, or {@code none}
   * @param warnings told, in one line naming the file, about each image that cannot be read
   */
  Evaluator(
      ExpressionModel model, FaceDetector detector, String detectorName, Consumer<String> warnings) {
    this.model = model;
    this.warnings = warnings;
    this.modelName = model.info().id() + " " + model.info().version();
    this.detector = detector;
    this.detectorName = detectorName;
  }

  /**
   * Evaluates every image.
   *
   * @throws EvaluationException when not one image can be decoded
   * @throws InterruptedException when the thread is interrupted (the program is stopping)
   */
  Report run(Dataset dataset) throws EvaluationException, InterruptedException {
    Set<String> labels = new LinkedHashSet<>(dataset.labels());
    labels.addAll(model.info().labels());
    Confusion confusion = new Confusion(labels);
    List<String> noFace = new ArrayList<>();
    List<String> unreadable = new ArrayList<>();
    long index = 0;
    for (Sample s : dataset.samples()) {
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
      Frame frame;
      try {
        frame = read(s, index++);
      } catch (IOException e) {
        warnings.accept(e.getMessage() + "; skipped");
        unreadable.add(dataset.root().relativize(s.image()).toString());
        continue;
      }
      String predicted = classify(frame);
      confusion.add(s.label(), predicted);
      if (predicted == null) {
        noFace.add(dataset.root().relativize(s.image()).toString());
      }
    }
    if (unreadable.size() == dataset.samples().size()) {
      throw new EvaluationException(
          "no readable image in " + dataset.root() + " (" + unreadable.size() + " unreadable)");
    }
    return Report.of(
        dataset.root().toString(),
        modelName,
        model.info().labels(),
        detectorName,
        confusion,
        noFace,
        unreadable);
  }

  /** The top label for the largest face, or null when there is no face. */
  private String classify(Frame frame) {
    Box box;
    if (detector == null) {
      box = new Box(0, 0, frame.width(), frame.height());
    } else {
      List<Face> faces = detector.detect(frame);
      if (faces.isEmpty()) {
        return null;
      }
      box = faces.stream().map(Face::box).max(Comparator.comparingLong(Box::area)).orElseThrow();
    }
    return model.classify(frame, box).top(1).get(0).getKey();
  }

  /**
   * The image as an 8-bit BGR frame (grey images get three equal channels), decoded from the
   * file's bytes so that any Unicode file name works.
   */
  private static Frame read(Sample s, long index) throws IOException {
    Mat image = ImageFiles.readBgr(s.image());
    try {
      return FrameMats.toFrame(image, index, 0);
    } finally {
      image.release();
    }
  }
}

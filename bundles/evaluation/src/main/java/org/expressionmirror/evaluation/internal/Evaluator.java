package org.expressionmirror.evaluation.internal;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.expressionmirror.api.Box;
import org.expressionmirror.api.Distribution;
import org.expressionmirror.api.ExpressionModel;
import org.expressionmirror.api.Face;
import org.expressionmirror.api.FaceDetector;
import org.expressionmirror.api.Frame;
import org.expressionmirror.platform.opencv.FrameMats;
import org.expressionmirror.platform.opencv.ImageFiles;
import org.opencv.core.Mat;

/**
 * Runs one model, or two to compare them, over every image of a dataset, one image at a time on
 * the calling thread (the models serialise their calls anyway, and the pipeline calls them from
 * one thread too), and counts the top label against the image's label. Each image is decoded
 * once and the detector runs once, so two models see the same face box. An image that cannot be
 * decoded is reported, left out of the scores and counted as unreadable: one damaged file must not
 * void a long run.
 */
final class Evaluator {
  private final List<ExpressionModel> models;
  private final FaceDetector detector;
  private final String detectorName;
  private final Map<String, Object> detectorSettings;
  private final Consumer<String> warnings;

  /**
   * @param models the model, and optionally a second one to compare it with
   * @param detector the face detector, or null to take each whole image as the face
   * @param detectorName id and version of the detector, or {@code none}
   * @param detectorSettings the detector's configured settings, for the report
   * @param warnings told, in one line naming the file, about each image that cannot be read
   */
  Evaluator(
      List<ExpressionModel> models,
      FaceDetector detector,
      String detectorName,
      Map<String, Object> detectorSettings,
      Consumer<String> warnings) {
    if (models.isEmpty() || models.size() > 2) {
      throw new IllegalArgumentException("one model, or two to compare, not " + models.size());
    }
    this.models = List.copyOf(models);
    this.warnings = warnings;
    this.detector = detector;
    this.detectorName = detectorName;
    this.detectorSettings = Map.copyOf(detectorSettings);
  }

  /**
   * Evaluates every image.
   *
   * @throws EvaluationException when not one image can be decoded
   * @throws InterruptedException when the thread is interrupted (the program is stopping)
   */
  Report run(Dataset dataset) throws EvaluationException, InterruptedException {
    Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    long t0 = System.nanoTime();
    List<Scores> scores = new ArrayList<>();
    for (ExpressionModel m : models) {
      scores.add(new Scores(m, dataset.labels()));
    }
    List<String> unreadable = new ArrayList<>();
    long index = 0;
    for (Sample s : dataset.samples()) {
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
      String image = dataset.root().relativize(s.image()).toString();
      Frame frame;
      try {
        frame = read(s, index++);
      } catch (IOException e) {
        warnings.accept(e.getMessage() + "; skipped");
        unreadable.add(image);
        continue;
      }
      Box box = face(frame);
      for (Scores sc : scores) {
        sc.add(image, s.label(), box == null ? null : sc.model.classify(frame, box));
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    if (unreadable.size() == dataset.samples().size()) {
      throw new EvaluationException(
          "no readable image in " + dataset.root() + " (" + unreadable.size() + " unreadable)");
    }
    long scored = dataset.samples().size() - unreadable.size();
    Run run =
        new Run(
            start.toString(),
            detectorSettings,
            seconds,
            seconds > 0 ? scored / seconds : 0,
            dataset.skipped(),
            dataset.labelRule().isEmpty() ? null : dataset.labelRule(),
            dataset.leftOut().size(),
            dataset.leftOut());
    Report first = scores.get(0).report(dataset, unreadable, run);
    if (scores.size() == 1) {
      return first;
    }
    Report second = scores.get(1).report(dataset, unreadable, null);
    return first.comparedWith(
        second, Comparison.of(first.model(), second.model(), first.predictions(), second.predictions()));
  }

  /** The box of the largest face, the whole image without a detector, or null when none. */
  private Box face(Frame frame) {
    if (detector == null) {
      return new Box(0, 0, frame.width(), frame.height());
    }
    List<Face> faces = detector.detect(frame);
    return Box.largestOf(faces, Face::box).map(Face::box).orElse(null);
  }

  /** The counts and predictions of one model. */
  private final class Scores {
    final ExpressionModel model;
    final String name;
    final Confusion confusion;
    final List<Prediction> predictions = new ArrayList<>();
    final List<String> noFace = new ArrayList<>();

    Scores(ExpressionModel model, List<String> datasetLabels) {
      this.model = model;
      this.name = model.info().id() + " " + model.info().version();
      Set<String> labels = new LinkedHashSet<>(datasetLabels);
      labels.addAll(model.info().labels());
      this.confusion = new Confusion(labels);
    }

    /** Counts one image; {@code scores} null means no face was found. */
    void add(String image, String truth, Distribution scores) {
      if (scores == null) {
        confusion.add(truth, null);
        noFace.add(image);
        predictions.add(new Prediction(image, truth, null, null));
        return;
      }
      Map.Entry<String, Double> top = scores.top(1).get(0);
      confusion.add(truth, top.getKey());
      predictions.add(new Prediction(image, truth, top.getKey(), top.getValue()));
    }

    Report report(Dataset dataset, List<String> unreadable, Run run) {
      return Report.of(
          dataset.root().toString(), name, model.info().labels(), detectorName, confusion, noFace, unreadable, run, predictions);
    }
  }

  /**
   * The image as an 8-bit BGR frame (grey images get three equal channels), decoded from the
   * file's bytes so that any Unicode file name works; GIF through {@link GifImages}.
   */
  private static Frame read(Sample s, long index) throws IOException {
    if (GifImages.isGif(s.image())) {
      return GifImages.read(s.image(), index);
    }
    Mat image = ImageFiles.readBgr(s.image());
    try {
      return FrameMats.toFrame(image, index, 0);
    } finally {
      image.release();
    }
  }
}

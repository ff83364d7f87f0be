package org.expressionmirror.evaluation.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of one evaluation, written as JSON as it stands (field names are the JSON keys).
 *
 * @param dataset the dataset folder
 * @param model model id and version, e.g. {@code minixception-fer2013 3.3.6}
 * @param detector detector id and version, or {@code none} (the whole image is the face)
 * @param images images evaluated (unreadable ones are not among them)
 * @param faces images in which a face was classified
 * @param noFace images in which the detector found no face (counted as wrong)
 * @param correct images whose top label is the folder's label
 * @param accuracy correct / images
 * @param faceAccuracy correct / faces: the model alone on the faces the detector found; null
 *     without faces
 * @param labels the dataset's labels: rows of the confusion matrix, canonical order
 * @param perClass precision, recall, F1 and support of each label the dataset has
 * @param macro unweighted means over the labels with images (an undefined value counts as 0)
 * @param confusion counts, rows = true label, columns = predicted label then no face
 * @param missingLabels dataset labels the model cannot output
 * @param noFaceImages image files without a face (paths relative to the dataset)
 * @param unreadable image files that could not be decoded, skipped and not scored
 * @param unreadableImages those files (paths relative to the dataset)
 * @param run when and how the run went (its fields are written at the top level); null in the
 *     second model's report of a comparison, which shares the first one's
 * @param predictions each scored image with its true and predicted label and top probability
 * @param compare the second model's report when comparing; absent otherwise
 * @param comparison the two models side by side when comparing; absent otherwise
 */
public record Report(
    String dataset,
    String model,
    String detector,
    long images,
    long faces,
    long noFace,
    long correct,
    double accuracy,
    Double faceAccuracy,
    List<String> labels,
    List<ClassMetrics> perClass,
    Macro macro,
    ConfusionTable confusion,
    List<MissingLabel> missingLabels,
    List<String> noFaceImages,
    long unreadable,
    List<String> unreadableImages,
    @JsonUnwrapped Run run,
    List<Prediction> predictions,
    @JsonInclude(JsonInclude.Include.NON_NULL) Report compare,
    @JsonInclude(JsonInclude.Include.NON_NULL) Comparison comparison) {

  /** Unweighted means over labels with images. */
  record Macro(double precision, double recall, double f1) {}

  /** The matrix with its axes named. */
  record ConfusionTable(List<String> rows, List<String> columns, List<List<Long>> counts) {}

  /** A label of the dataset that the model does not have. */
  record MissingLabel(String label, long images, String message) {}

  /** Builds the report from a filled matrix, every image having been read. */
  public static Report of(
      String dataset,
      String model,
      List<String> modelLabels,
      String detector,
      Confusion confusion,
      List<String> noFaceImages) {
    return of(dataset, model, modelLabels, detector, confusion, noFaceImages, List.of());
  }

  /** Builds the report from a filled matrix and the images that could not be read. */
  public static Report of(
      String dataset,
      String model,
      List<String> modelLabels,
      String detector,
      Confusion confusion,
      List<String> noFaceImages,
      List<String> unreadableImages) {
    return of(dataset, model, modelLabels, detector, confusion, noFaceImages, unreadableImages, null, List.of());
  }

  /** Builds the report of one model from a filled matrix and its per-image predictions. */
  public static Report of(
      String dataset,
      String model,
      List<String> modelLabels,
      String detector,
      Confusion confusion,
      List<String> noFaceImages,
      List<String> unreadableImages,
      Run run,
      List<Prediction> predictions) {
    // rows only for the labels the dataset has: a label only the model has would be an empty row
    List<String> rows = confusion.labels().stream().filter(l -> confusion.support(l) > 0).toList();
    List<ClassMetrics> perClass = new ArrayList<>();
    double p = 0;
    double r = 0;
    double f = 0;
    int n = 0;
    for (String label : rows) {
      ClassMetrics m = confusion.metrics(label);
      perClass.add(m);
      if (m.support() > 0) {
        p += m.precision() == null ? 0 : m.precision();
        r += m.recall();
        f += m.f1() == null ? 0 : m.f1();
        n++;
      }
    }
    List<MissingLabel> missing = new ArrayList<>();
    for (String label : confusion.labels()) {
      long images = confusion.support(label);
      if (images > 0 && !modelLabels.contains(label)) {
        missing.add(
            new MissingLabel(label, images, "model has no '" + label + "': " + images + " images cannot be right"));
      }
    }
    long faces = confusion.total() - confusion.noFace();
    List<String> columns = new ArrayList<>(confusion.labels());
    columns.add(Confusion.NO_FACE);
    List<List<Long>> counts = new ArrayList<>();
    for (int i = 0; i < confusion.labels().size(); i++) {
      if (rows.contains(confusion.labels().get(i))) {
        counts.add(confusion.rows().get(i));
      }
    }
    return new Report(
        dataset,
        model,
        detector,
        confusion.total(),
        faces,
        confusion.noFace(),
        confusion.correct(),
        confusion.accuracy(),
        faces == 0 ? null : (double) confusion.correct() / faces,
        rows,
        perClass,
        n == 0 ? new Macro(0, 0, 0) : new Macro(p / n, r / n, f / n),
        new ConfusionTable(rows, columns, counts),
        missing,
        List.copyOf(noFaceImages),
        unreadableImages.size(),
        List.copyOf(unreadableImages),
        run,
        List.copyOf(predictions),
        null,
        null);
  }

  /** This (first model's) report with the second model's and the comparison of both. */
  Report comparedWith(Report other, Comparison comparison) {
    return new Report(
        dataset, model, detector, images, faces, noFace, correct, accuracy, faceAccuracy, labels, perClass, macro,
        confusion, missingLabels, noFaceImages, unreadable, unreadableImages, run, predictions, other, comparison);
  }
}

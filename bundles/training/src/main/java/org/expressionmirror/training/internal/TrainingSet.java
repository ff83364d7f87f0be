package org.expressionmirror.training.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.expressionmirror.api.Expressions;
import org.expressionmirror.evaluation.internal.Dataset;
import org.expressionmirror.evaluation.internal.EvaluationException;
import org.expressionmirror.evaluation.internal.FerPlusLabels;
import org.expressionmirror.evaluation.internal.FolderLabels;
import org.expressionmirror.evaluation.internal.LeftOut;

/**
 * Labelled training images, read the way eval reads a dataset: one subfolder per label (the
 * names eval accepts), or a FER+ {@code label.csv}. Who is who, for grouped folds: a {@code
 * <label>/<subject>/image} layout, or a {@code subjects.csv} ({@code image,subject}, the image
 * relative to the dataset) in the dataset folder; otherwise each image is its own group.
 *
 * <p>FER+ votes give soft targets as FERPlus's own training does: single votes are taken for
 * noise and dropped, "unknown" and "not a face" votes are dropped, the rest normalised. The hard
 * label (for the folds, the scores and hard targets) comes by eval's label rule (FERPlus's majority
 * by default, or the plurality), and an image without one is left out, as eval leaves it out of
 * FER+ test.
 *
 * @param root the folder the images are relative to
 * @param classes the labels with images, canonical order: the head's outputs
 * @param examples the images, in a fixed order
 * @param leftOut images without a label (FER+)
 * @param labelRule how FER+ votes became labels ({@code ferplus}, {@code plurality}); empty for folders
 */
record TrainingSet(Path root, List<String> classes, List<Example> examples, List<LeftOut> leftOut, String labelRule) {
  /** Targets: each image's FER+ vote shares. */
  static final String SOFT = "soft";

  /** Targets: each image's majority label alone. */
  static final String HARD = "hard";

  /** The file naming each image's subject. */
  static final String SUBJECTS = "subjects.csv";

  /**
   * @param image the file
   * @param name the file relative to the dataset
   * @param label index into the classes
   * @param target distribution over the classes
   * @param group the subject, or the image itself
   */
  record Example(Path image, String name, int label, double[] target, String group) {}

  /**
   * Reads the layout (not the images).
   *
   * @param labels a FER+ label file to use, or null to look for one in the dataset folder
   */
  static TrainingSet read(Path dataset, Path labels) throws TrainingException {
    return read(dataset, labels, FerPlusLabels.Rule.FERPLUS);
  }

  /**
   * Reads the layout (not the images).
   *
   * @param labels a FER+ label file to use, or null to look for one in the dataset folder
   * @param rule how an image's votes become its label (the folds, the scores, hard targets)
   */
  static TrainingSet read(Path dataset, Path labels, FerPlusLabels.Rule rule) throws TrainingException {
    try {
      Path file = labels != null ? labels : FerPlusLabels.labelFile(dataset);
      TrainingSet set = file != null ? fromVotes(file, labels != null ? dataset : file.toAbsolutePath().getParent(), rule) : fromFolders(dataset);
      set = set.withSubjects();
      if (set.examples.isEmpty()) {
        throw new TrainingException("no labelled images in " + dataset);
      }
      if (set.classes.size() < 2) {
        throw new TrainingException("training needs images of at least 2 labels, " + dataset + " has only " + set.classes);
      }
      return set;
    } catch (EvaluationException e) {
      throw new TrainingException(e.getMessage());
    }
  }



  private static TrainingSet fromVotes(Path file, Path images, FerPlusLabels.Rule rule) throws EvaluationException, TrainingException {
    if (!Files.isDirectory(images)) {
      throw new TrainingException("image folder of " + file + " cannot be read: " + images);
    }
    List<FerPlusLabels.Row> rows = FerPlusLabels.rows(file);
    FerPlusLabels.checkImagesPresent(file, images, rows);
    List<String> labelled = new ArrayList<>();
    List<LeftOut> leftOut = new ArrayList<>();
    Set<String> present = new LinkedHashSet<>();
    for (FerPlusLabels.Row row : rows) {
      String label = rule.label(row.votes());
      labelled.add(label);
      if (Expressions.CANONICAL.contains(label)) {
        present.add(label);
      } else {
        leftOut.add(new LeftOut(row.image(), label));
      }
    }
    List<String> classes = Expressions.CANONICAL.stream().filter(present::contains).toList();
    List<String> voteNames = FerPlusLabels.voteNames();
    List<Example> examples = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      int label = classes.indexOf(labelled.get(i));
      if (label < 0) {
        continue;
      }
      FerPlusLabels.Row row = rows.get(i);
      double[] target = new double[classes.size()];
      double sum = 0;
      for (int v = 0; v < voteNames.size(); v++) {
        int k = classes.indexOf(voteNames.get(v));
        // one vote of ten is noise (FERPlus's outlier removal); unknown and NF are not expressions
        if (k >= 0 && row.votes()[v] > 1) {
          target[k] = row.votes()[v];
          sum += target[k];
        }
      }
      if (sum == 0) {
        target[label] = 1;
        sum = 1;
      }
      for (int k = 0; k < target.length; k++) {
        target[k] /= sum;
      }
      examples.add(new Example(images.resolve(row.image()), row.image(), label, target, row.image()));
    }
    return new TrainingSet(images, classes, examples, leftOut, rule.id());
  }

  private static TrainingSet fromFolders(Path root) throws TrainingException {
    Map<String, Path> folders = new HashMap<>();
    for (Path dir : list(root)) {
      if (!Files.isDirectory(dir)) {
        continue;
      }
      String name = dir.getFileName().toString();
      String label =
          FolderLabels.canonical(name)
              .orElseThrow(
                  () ->
                      new TrainingException(
                          "unknown label folder '" + name + "' in " + root + " (known: " + FolderLabels.accepted() + ")"));
      Path other = folders.put(label, dir);
      if (other != null) {
        throw new TrainingException(
            "folders '" + other.getFileName() + "' and '" + name + "' in " + root + " both mean '" + label + "'");
      }
    }
    List<String> classes = Expressions.CANONICAL.stream().filter(folders::containsKey).toList();
    List<Example> examples = new ArrayList<>();
    for (int k = 0; k < classes.size(); k++) {
      Path dir = folders.get(classes.get(k));
      for (Path p : list(dir)) {
        if (isImage(p)) {
          examples.add(example(root, p, k, classes.size(), null));
        } else if (Files.isDirectory(p)) {
          // <label>/<subject>/image: the subfolder names the person
          String subject = p.getFileName().toString();
          for (Path q : list(p)) {
            if (isImage(q)) {
              examples.add(example(root, q, k, classes.size(), subject));
            }
          }
        }
      }
    }
    return new TrainingSet(root, classes, examples, List.of(), "");
  }

  private static Example example(Path root, Path image, int label, int classes, String subject) {
    double[] target = new double[classes];
    target[label] = 1;
    String name = root.relativize(image).toString().replace('\\', '/');
    return new Example(image, name, label, target, subject == null ? name : "subject:" + subject);
  }

  /** This set with the groups {@code subjects.csv} gives, when the dataset folder has one. */
  private TrainingSet withSubjects() throws TrainingException {
    Path file = root.resolve(SUBJECTS);
    if (!Files.isRegularFile(file)) {
      return this;
    }
    Map<String, String> subjects = new HashMap<>();
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new TrainingException("cannot read " + file + ": " + e.getMessage());
    }
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || (i == 0 && line.equalsIgnoreCase("image,subject"))) {
        continue;
      }
      int comma = line.lastIndexOf(',');
      if (comma <= 0 || comma == line.length() - 1) {
        throw new TrainingException(file + ":" + (i + 1) + ": expected image,subject, got '" + line + "'");
      }
      subjects.put(line.substring(0, comma).strip().replace('\\', '/'), line.substring(comma + 1).strip());
    }
    List<Example> grouped = new ArrayList<>();
    for (Example e : examples) {
      String s = subjects.get(e.name());
      grouped.add(s == null ? e : new Example(e.image(), e.name(), e.label(), e.target(), "subject:" + s));
    }
    return new TrainingSet(root, classes, grouped, leftOut, labelRule);
  }

  /**
   * This set over another set's classes: images of a label that set lacks are left out, targets
   * keep only its classes (renormalised).
   */
  TrainingSet asClassesOf(List<String> other) {
    List<Example> kept = new ArrayList<>();
    for (Example e : examples) {
      int label = other.indexOf(classes.get(e.label()));
      if (label < 0) {
        continue;
      }
      double[] target = new double[other.size()];
      double sum = 0;
      for (int k = 0; k < classes.size(); k++) {
        int o = other.indexOf(classes.get(k));
        if (o >= 0) {
          target[o] = e.target()[k];
          sum += target[o];
        }
      }
      if (sum == 0) {
        target[label] = sum = 1;
      }
      for (int k = 0; k < target.length; k++) {
        target[k] /= sum;
      }
      kept.add(new Example(e.image(), e.name(), label, target, e.group()));
    }
    return new TrainingSet(root, other, kept, leftOut, labelRule);
  }

  /**
   * This set with one-hot targets at each image's label: FER+'s majority label alone instead of
   * its vote shares. On FER+ valid the hard targets scored higher than the soft ones (issue 8;
   * models/README.md has the runs), so the choice is a setting, not a fixed rule.
   */
  TrainingSet withHardTargets() {
    List<Example> hard = new ArrayList<>();
    for (Example e : examples) {
      double[] target = new double[classes.size()];
      target[e.label()] = 1;
      hard.add(new Example(e.image(), e.name(), e.label(), target, e.group()));
    }
    return new TrainingSet(root, classes, hard, leftOut, labelRule);
  }

  /** Whether the folds are grouped by subject (some group holds more than one image). */
  boolean grouped() {
    return examples.stream().map(Example::group).distinct().count() < examples.size();
  }

  private static boolean isImage(Path p) {
    String name = p.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return Files.isRegularFile(p)
        && dot > 0
        && Dataset.IMAGE_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  private static List<Path> list(Path dir) throws TrainingException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    } catch (IOException e) {
      throw new TrainingException("dataset folder cannot be read: " + dir + " (" + e.getMessage() + ")");
    }
  }
}

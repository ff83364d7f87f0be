package org.expressionmirror.evaluation.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.expressionmirror.api.Expressions;

/**
 * Labelled images: a folder with one subfolder of images per label, or a FER+ {@code label.csv}
 * (the file itself, or a folder holding it) with the images beside it. Images are read in a fixed
 * order (label in canonical order, then file name; a label file's own order), so two runs see the
 * same sequence.
 */
public final class Dataset {
  /** Extensions of the image files taken from a label folder; other files are ignored. */
  public static final Set<String> IMAGE_EXTENSIONS =
      Set.of("jpg", "jpeg", "png", "bmp", "pgm", "ppm", "tif", "tiff", "webp", "gif");

  private final Path root;
  private final List<Sample> samples;
  private final List<Skipped> skipped;
  private final List<LeftOut> leftOut;
  private final String labelRule;

  private Dataset(Path root, List<Sample> samples, List<Skipped> skipped, List<LeftOut> leftOut, String labelRule) {
    this.root = root;
    this.samples = List.copyOf(samples);
    this.skipped = List.copyOf(skipped);
    this.leftOut = List.copyOf(leftOut);
    this.labelRule = labelRule;
  }

  /** Reads the layout; an unknown label folder is an error; a label file by FERPlus's rule. */
  static Dataset scan(Path root) throws EvaluationException {
    return scan(root, false);
  }

  /** As {@link #scan(Path, boolean, FerPlusLabels.Rule)}, a label file read by FERPlus's rule. */
  static Dataset scan(Path root, boolean skipUnknown) throws EvaluationException {
    return scan(root, skipUnknown, FerPlusLabels.Rule.FERPLUS);
  }

  /**
   * Reads the layout (not the images).
   *
   * @param skipUnknown leave out (and list) folders whose name is not a known label instead of
   *     stopping
   * @param rule how a FER+ label file's votes become labels
   * @throws EvaluationException naming the folder that cannot be read, an unknown label folder, two
   *     folders with the same label, a bad label file, or a dataset without images
   */
  static Dataset scan(Path root, boolean skipUnknown, FerPlusLabels.Rule rule) throws EvaluationException {
    Path labelFile = FerPlusLabels.labelFile(root);
    Dataset d = labelFile != null ? fromLabelFile(labelFile, rule) : fromFolders(root, skipUnknown);
    if (d.samples.isEmpty()) {
      throw new EvaluationException(
          "no images in " + root + " (expected label subfolders such as happy/ with *.jpg or *.png files, or a FER+ label.csv)");
    }
    return d;
  }



  private static Dataset fromLabelFile(Path file, FerPlusLabels.Rule rule) throws EvaluationException {
    Path images = file.toAbsolutePath().getParent();
    FerPlusLabels.Read read = FerPlusLabels.read(file, images, rule);
    List<Sample> ordered = new ArrayList<>();
    for (String label : Expressions.CANONICAL) {
      read.samples().stream().filter(s -> s.label().equals(label)).forEach(ordered::add);
    }
    return new Dataset(images, ordered, List.of(), read.leftOut(), rule.id());
  }

  private static Dataset fromFolders(Path root, boolean skipUnknown) throws EvaluationException {
    Map<String, Path> folders = new HashMap<>();
    List<Skipped> skipped = new ArrayList<>();
    for (Path dir : list(root).stream().filter(Files::isDirectory).toList()) {
      String name = dir.getFileName().toString();
      String label = FolderLabels.canonical(name).orElse(null);
      if (label == null && skipUnknown) {
        skipped.add(new Skipped(name, null, images(dir).size(), "'" + name + "' is not a known label"));
        continue;
      }
      if (label == null) {
        throw new EvaluationException(
            "unknown label folder '" + name + "' in " + root + " (known: " + FolderLabels.accepted() + ")");
      }
      Path other = folders.put(label, dir);
      if (other != null) {
        throw new EvaluationException(
            "folders '" + other.getFileName() + "' and '" + name + "' in " + root + " both mean '" + label + "'");
      }
    }
    List<Sample> samples = new ArrayList<>();
    for (String label : Expressions.CANONICAL) {
      Path dir = folders.get(label);
      if (dir != null) {
        images(dir).forEach(p -> samples.add(new Sample(label, p)));
      }
    }
    return new Dataset(root, samples, skipped, List.of(), "");
  }

  /**
   * This dataset without the images of labels none of {@code kept} has, each such label listed as
   * skipped with the given reason.
   *
   * @throws EvaluationException when no image is left
   */
  Dataset keeping(Collection<String> kept, String reason) throws EvaluationException {
    List<Skipped> now = new ArrayList<>(skipped);
    for (String label : labels()) {
      if (!kept.contains(label)) {
        List<Sample> of = samples.stream().filter(s -> s.label().equals(label)).toList();
        now.add(new Skipped(folderOf(of.get(0)), label, of.size(), reason.replace("{label}", label)));
      }
    }
    List<Sample> left = samples.stream().filter(s -> kept.contains(s.label())).toList();
    if (left.isEmpty()) {
      throw new EvaluationException("no images left in " + root + " after skipping the labels the model lacks (" + now.size() + " skipped)");
    }
    return new Dataset(root, left, now, leftOut, labelRule);
  }

  /** The label folder's name as the user wrote it; the label itself for a label file's image. */
  private String folderOf(Sample s) {
    Path parent = s.image().getParent();
    return parent.equals(root) ? s.label() : parent.getFileName().toString();
  }

  Path root() {
    return root;
  }

  List<Sample> samples() {
    return samples;
  }

  /** Label folders (or labels) left out, with why. */
  List<Skipped> skipped() {
    return skipped;
  }

  /** Images of a label file that have no label. */
  List<LeftOut> leftOut() {
    return leftOut;
  }

  /** How a label file's votes became labels ({@code ferplus}, {@code plurality}); empty for folders. */
  String labelRule() {
    return labelRule;
  }

  /** The labels that have images, in canonical order. */
  List<String> labels() {
    return samples.stream().map(Sample::label).distinct().toList();
  }

  private static List<Path> images(Path dir) throws EvaluationException {
    return list(dir).stream().filter(Dataset::isImage).sorted().toList();
  }

  private static boolean isImage(Path p) {
    String name = p.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return Files.isRegularFile(p)
        && dot > 0
        && IMAGE_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  private static List<Path> list(Path dir) throws EvaluationException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted(Comparator.naturalOrder()).toList();
    } catch (IOException e) {
      throw new EvaluationException("dataset folder cannot be read: " + dir + " (" + e.getMessage() + ")");
    }
  }
}

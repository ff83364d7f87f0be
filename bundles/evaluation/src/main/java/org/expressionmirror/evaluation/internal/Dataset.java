package org.expressionmirror.evaluation.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.expressionmirror.api.Expressions;

/**
 * A folder with one subfolder of images per label. Images are read in a fixed order (label in
 * canonical order, then file name), so two runs see the same sequence.
 */
final class Dataset {
  /** Extensions of the image files taken from a label folder; other files are ignored. */
  static final Set<String> IMAGE_EXTENSIONS = Set.of("jpg", "jpeg", "png", "bmp", "pgm", "ppm", "tif", "tiff", "webp");

  private final Path root;
  private final List<Sample> samples;

  private Dataset(Path root, List<Sample> samples) {
    this.root = root;
    this.samples = List.copyOf(samples);
  }

  /**
   * Reads the folder's layout (not the images).
   *
   * @throws EvaluationException naming the folder that cannot be read, an unknown label folder, two
   *     folders with the same label, or a dataset without images
   */
  static Dataset scan(Path root) throws EvaluationException {
    if (!Files.isDirectory(root) || !Files.isReadable(root)) {
      throw new EvaluationException("dataset folder cannot be read: " + root);
    }
    Map<String, Path> folders = new HashMap<>();
    for (Path dir : list(root).stream().filter(Files::isDirectory).toList()) {
      String name = dir.getFileName().toString();
      String label =
          FolderLabels.canonical(name)
              .orElseThrow(
                  () ->
                      new EvaluationException(
                          "unknown label folder '" + name + "' in " + root + " (known: " + FolderLabels.accepted() + ")"));
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
        list(dir).stream().filter(Dataset::isImage).sorted().forEach(p -> samples.add(new Sample(label, p)));
      }
    }
    if (samples.isEmpty()) {
      throw new EvaluationException(
          "no images in " + root + " (expected label subfolders such as happy/ with *.jpg or *.png files)");
    }
    return new Dataset(root, samples);
  }

  Path root() {
    return root;
  }

  List<Sample> samples() {
    return samples;
  }

  /** The labels that have images, in canonical order. */
  List<String> labels() {
    return samples.stream().map(Sample::label).distinct().toList();
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

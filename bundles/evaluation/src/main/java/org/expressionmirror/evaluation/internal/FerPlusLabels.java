package org.expressionmirror.evaluation.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.expressionmirror.api.Expressions;

/**
 * Reads a FER+ {@code label.csv}: one row per image, {@code name.png,"(x, y, w, h)",} then ten vote
 * counts in the order neutral, happiness, surprise, sadness, anger, disgust, fear, contempt,
 * unknown, NF (not a face). An image's label comes from its votes by a {@link Rule}; an image
 * without one is left out (listed in the report, with why), so FER+ is measured as its folders are
 * laid out, without copying images into label folders.
 */
public final class FerPlusLabels {
  /** The file name the FER+ generator writes beside the images of each split. */
  public static final String FILE = "label.csv";

  private static final List<String> VOTES =
      List.of(
          Expressions.NEUTRAL,
          Expressions.HAPPINESS,
          Expressions.SURPRISE,
          Expressions.SADNESS,
          Expressions.ANGER,
          Expressions.DISGUST,
          Expressions.FEAR,
          Expressions.CONTEMPT,
          "unknown",
          "NF");

  /** Labelled images and the images left out. */
  record Read(List<Sample> samples, List<LeftOut> leftOut) {}

  /** How an image's ten vote counts become its one label, or the reason it has none. */
  public enum Rule {
    /**
     * FERPlus's own "majority" mode, the rule of its published test figures: single votes are
     * dropped as noise, and the top label needs more than half of the votes left; an image whose
     * majority is unknown or NF is not an expression.
     */
    FERPLUS("ferplus"),
    /** The label with the most votes; a tie at the top, or most votes for unknown or NF, has none. */
    PLURALITY("plurality");

    private final String id;

    Rule(String id) {
      this.id = id;
    }

    /** The name the command line and the configuration use. */
    public String id() {
      return id;
    }

    /**
     * The rule {@code id} names.
     *
     * @throws IllegalArgumentException naming the value and the names there are
     */
    public static Rule of(String id) {
      for (Rule r : values()) {
        if (r.id.equals(id)) {
          return r;
        }
      }
      throw new IllegalArgumentException("'" + id + "' is not a label rule (ferplus or plurality)");
    }

    /** The image's label, or why it has none (the text starts with no canonical label). */
    public String label(int[] votes) {
      return this == FERPLUS ? ferPlusMajority(votes) : majority(votes);
    }
  }

  private FerPlusLabels() {}

  /**
   * Reads the label file; images are taken from {@code images}, the folder holding it.
   *
   * @throws EvaluationException naming the file and line of a row that does not have the format
   */
  static Read read(Path file, Path images, Rule rule) throws EvaluationException {
    List<Sample> samples = new ArrayList<>();
    List<LeftOut> leftOut = new ArrayList<>();
    List<Row> rows = rows(file);
    checkImagesPresent(file, images, rows);
    for (Row row : rows) {
      String label = rule.label(row.votes());
      if (Expressions.CANONICAL.contains(label)) {
        samples.add(new Sample(label, images.resolve(row.image())));
      } else {
        leftOut.add(new LeftOut(row.image(), label));
      }
    }
    return new Read(samples, leftOut);
  }

  /**
   * One row of a label file.
   *
   * @param image the image's file name, in the label file's folder
   * @param votes the ten vote counts in the file's order (see {@link #voteNames()})
   */
  public record Row(String image, int[] votes) {}

  /** The names of the ten vote columns, in the file's order: eight labels, unknown, NF. */
  public static List<String> voteNames() {
    return VOTES;
  }

  /**
   * Every row of the label file, in the file's order (the training command takes the votes as
   * they are, for soft labels).
   *
   * @throws EvaluationException naming the file and line of a row that does not have the format
   */
  public static List<Row> rows(Path file) throws EvaluationException {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new EvaluationException("label file cannot be read: " + file + " (" + e.getMessage() + ")");
    }
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || (i == 0 && isHeader(line))) {
        continue;
      }
      List<String> fields = fields(line);
      if (fields.size() != 2 + VOTES.size()) {
        throw bad(file, i, "expected image,\"box\", and " + VOTES.size() + " vote counts, got " + fields.size() + " fields");
      }
      String image = fields.get(0).strip();
      if (image.isEmpty() || image.contains("..")) {
        throw bad(file, i, "image name '" + image + "' is not a file name in the label file's folder");
      }
      int[] votes = new int[VOTES.size()];
      for (int v = 0; v < votes.length; v++) {
        String count = fields.get(2 + v).strip();
        if (!count.matches("\\d{1,6}")) {
          throw bad(file, i, VOTES.get(v) + " count '" + count + "' is not a vote count (a whole number, 0 or more)");
        }
        votes[v] = Integer.parseInt(count);
      }
      rows.add(new Row(image, votes));
    }
    return rows;
  }

  /**
   * The label with the most votes, or the reason there is none: {@code tie: a, b}, {@code most
   * votes: unknown}, {@code most votes: NF}, {@code no votes}.
   */
  public static String majority(int[] votes) {
    int max = 0;
    for (int v : votes) {
      max = Math.max(max, v);
    }
    if (max == 0) {
      return "no votes";
    }
    List<String> top = new ArrayList<>();
    for (int v = 0; v < votes.length; v++) {
      if (votes[v] == max) {
        top.add(VOTES.get(v));
      }
    }
    if (top.size() > 1) {
      return "tie: " + String.join(", ", top);
    }
    String label = top.get(0);
    return Expressions.CANONICAL.contains(label) ? label : "most votes: " + label;
  }

  /**
   * The label file a dataset path names or holds (eval's and train's {@code --dataset}), or null
   * for a folder of label folders.
   *
   * @throws EvaluationException in words a user can act on when the path is neither a {@code .csv}
   *     file nor a readable folder
   */
  public static Path labelFile(Path root) throws EvaluationException {
    if (Files.isRegularFile(root) && root.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
      return root;
    }
    if (!Files.exists(root)) {
      throw new EvaluationException("dataset does not exist: " + root);
    }
    if (!Files.isDirectory(root)) {
      throw new EvaluationException("dataset is neither a folder nor a FER+ label file (.csv): " + root);
    }
    if (!Files.isReadable(root)) {
      throw new EvaluationException("dataset folder cannot be read: " + root);
    }
    Path inside = root.resolve(FILE);
    return Files.isRegularFile(inside) ? inside : null;
  }

  /**
   * Refuses a label file none of whose images is in {@code images}: a wrong folder would otherwise
   * give one warning per image and then "no readable image". Some missing images are reported
   * as unreadable, one by one, as in label folders.
   *
   * @throws EvaluationException naming the file, the folder, the count and the first image
   */
  public static void checkImagesPresent(Path file, Path images, List<Row> rows) throws EvaluationException {
    if (rows.isEmpty() || rows.stream().anyMatch(r -> Files.isRegularFile(images.resolve(r.image())))) {
      return;
    }
    throw new EvaluationException(
        "none of the " + rows.size() + " images " + file + " names is in " + images + " (the first: " + rows.get(0).image()
            + "); the images go in the folder of the label file, as FERPlus lays out its splits");
  }

  /**
   * FERPlus's majority: votes of 1 dropped, then the label with more than half of the remaining
   * votes, or the reason there is none: {@code no majority: a 4 of 9}, {@code no majority: a and b
   * 4 of 10 each}, {@code most votes: unknown},
   * {@code most votes: NF}, {@code no label with two votes or more}.
   */
  public static String ferPlusMajority(int[] votes) {
    int sum = 0;
    int top = -1;
    for (int v = 0; v < votes.length; v++) {
      int kept = votes[v] > 1 ? votes[v] : 0;
      sum += kept;
      if (kept > 0 && (top < 0 || kept > votes[top])) {
        top = v;
      }
    }
    if (top < 0) {
      return "no label with two votes or more";
    }
    String label = VOTES.get(top);
    if (2 * votes[top] <= sum) {
      List<String> tied = new ArrayList<>();
      for (int v = 0; v < votes.length; v++) {
        if (votes[v] == votes[top]) {
          tied.add(VOTES.get(v));
        }
      }
      return "no majority: " + String.join(" and ", tied) + " " + votes[top] + " of " + sum + (tied.size() > 1 ? " each" : "");
    }
    return Expressions.CANONICAL.contains(label) ? label : "most votes: " + label;
  }

  /** A first line naming the columns (the FER+ files have none, other copies may). */
  private static boolean isHeader(String line) {
    List<String> f = fields(line);
    return f.size() > 2 && !f.get(f.size() - 1).strip().matches("\\d+");
  }

  /** Comma-separated fields; a field in double quotes may hold commas (the face box). */
  private static List<String> fields(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (ch == '"') {
        quoted = !quoted;
      } else if (ch == ',' && !quoted) {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(ch);
      }
    }
    fields.add(field.toString());
    return fields;
  }

  private static EvaluationException bad(Path file, int index, String what) {
    return new EvaluationException(file + ":" + (index + 1) + ": " + what);
  }
}

package org.expressionmirror.expression.onnx.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.expressionmirror.api.Expressions;

/**
 * A checked model description: every value present and consistent, in the form the preprocessing
 * and the output mapping use. Built by {@link #of}, which names the file and key of the first
 * problem.
 */
public record ModelSpec(
    String id,
    String version,
    String file,
    String source,
    String licence,
    String golden,
    String inputName,
    long[] shape,
    boolean nchw,
    int height,
    int width,
    int channels,
    Colour colour,
    float[] greyWeights,
    float scale,
    float[] mean,
    float[] std,
    Resize resize,
    double margin,
    boolean square,
    String outputName,
    boolean logits,
    List<String> labels,
    List<String> canonical,
    List<String> extraValues) {

  enum Colour {
    GREY,
    RGB,
    BGR
  }

  /**
   * {@code bilinear}: half-pixel centres (OpenCV {@code INTER_LINEAR}, PIL, TF with
   * half_pixel_centers). {@code bilinear-tf}: TensorFlow's legacy mapping {@code src = dst * in /
   * out} (tf.image.resizeBilinear with align_corners and half_pixel_centers false), which is what
   * TFJS models were trained and evaluated with.
   */
  enum Resize {
    BILINEAR,
    BILINEAR_TF
  }

  private static final List<Double> DEFAULT_GREY = List.of(0.2989, 0.5870, 0.1140);
  /**
   * Largest input height and width. Expression models take 48 to 260 pixels; a larger value is a
   * typo, and past 26754 the input buffer's size would overflow an int.
   */
  static final int MAX_SIDE = 1024;

  static ModelSpec of(String fileName, ModelDescription d) throws ModelException {
    Checker c = new Checker(fileName);
    c.require(d.id(), "id");
    c.require(d.version(), "version");
    c.require(d.file(), "file");
    ModelDescription.Input in = c.require(d.input(), "input");
    ModelDescription.Output out = c.require(d.output(), "output");
    c.require(in.name(), "input.name");
    List<Long> shape = c.require(in.shape(), "input.shape");
    String layout = c.require(in.layout(), "input.layout");
    if (shape.size() != 4 || shape.get(0) != 1 || shape.stream().anyMatch(s -> s == null || s < 1)) {
      throw c.error("input.shape", shape, "must be [1, a, b, c] with positive sizes");
    }
    boolean nchw;
    if (layout.equals("NCHW")) {
      nchw = true;
    } else if (layout.equals("NHWC")) {
      nchw = false;
    } else {
      throw c.error("input.layout", layout, "must be NHWC or NCHW");
    }
    if (shape.get(nchw ? 2 : 1) > MAX_SIDE || shape.get(nchw ? 3 : 2) > MAX_SIDE) {
      throw c.error("input.shape", shape, "must have a height and width of at most " + MAX_SIDE);
    }
    int channels = (int) (long) shape.get(nchw ? 1 : 3);
    int height = (int) (long) shape.get(nchw ? 2 : 1);
    int width = (int) (long) shape.get(nchw ? 3 : 2);
    Colour colour = c.enumValue(Colour.class, c.require(in.colour(), "input.colour"), "input.colour");
    int needed = colour == Colour.GREY ? 1 : 3;
    if (channels != needed) {
      throw c.error(
          "input.shape",
          shape,
          "has " + channels + " channel(s) in " + layout + " but colour " + in.colour() + " needs " + needed);
    }
    List<Double> grey = in.greyWeights() == null ? DEFAULT_GREY : in.greyWeights();
    if (grey.size() != 3) {
      throw c.error("input.greyWeights", grey, "must be three weights for R, G, B");
    }
    double scale = in.scale() == null ? 1.0 : in.scale();
    if (!(scale > 0) || Double.isInfinite(scale)) {
      throw c.error("input.scale", scale, "must be positive and finite");
    }
    float[] mean = c.perChannel(in.mean(), "input.mean", channels, 0.0, false);
    float[] std = c.perChannel(in.std(), "input.std", channels, 1.0, true);
    String resizeName = in.resize() == null ? "bilinear" : in.resize();
    Resize resize = c.enumValue(Resize.class, resizeName.replace('-', '_'), "input.resize");
    ModelDescription.Crop crop = in.crop() == null ? new ModelDescription.Crop(0.0, false) : in.crop();
    double margin = crop.margin() == null ? 0.0 : crop.margin();
    if (!(margin >= 0 && margin <= 2)) {
      throw c.error("input.crop.margin", margin, "must be between 0 and 2");
    }
    c.require(out.name(), "output.name");
    String kind = c.require(out.kind(), "output.kind");
    if (!kind.equals("probabilities") && !kind.equals("logits")) {
      throw c.error("output.kind", kind, "must be probabilities or logits");
    }
    if (out.extraOutputs() != null && !out.extraOutputs().equals("ignore")) {
      throw c.error("output.extraOutputs", out.extraOutputs(), "only 'ignore' is supported");
    }
    List<String> labels = c.require(out.labels(), "output.labels");
    List<String> canonical = c.canonical(labels, out.canonical());
    List<String> extra = out.extraValues() == null ? List.of() : out.extraValues();
    if (extra.stream().anyMatch(v -> v == null || v.isBlank())) {
      throw c.error("output.extraValues", extra, "must name each extra value");
    }
    return new ModelSpec(
        d.id(),
        d.version(),
        d.file(),
        d.source() == null ? "" : d.source().toString(),
        d.licence() == null ? "" : d.licence(),
        d.golden(),
        in.name(),
        shape.stream().mapToLong(Long::longValue).toArray(),
        nchw,
        height,
        width,
        channels,
        colour,
        floats(grey),
        (float) scale,
        mean,
        std,
        resize,
        margin,
        crop.square() != null && crop.square(),
        out.name(),
        kind.equals("logits"),
        List.copyOf(labels),
        canonical,
        List.copyOf(extra));
  }

  /** Values in the output tensor: the labels, then the extra values. */
  int outputSize() {
    return labels.size() + extraValues.size();
  }

  /** One line for people and the {@code model.input} property. */
  public String inputContract() {
    return String.format(
        Locale.ROOT,
        "%s %s %dx%d %s, x*%s then (x-mean %s)/std %s, %s, crop margin %s%s",
        inputName,
        colour.name().toLowerCase(Locale.ROOT),
        width,
        height,
        nchw ? "NCHW" : "NHWC",
        scale,
        java.util.Arrays.toString(mean),
        java.util.Arrays.toString(std),
        resize.name().toLowerCase(Locale.ROOT).replace('_', '-'),
        margin,
        square ? ", padded square" : "");
  }

  private static float[] floats(List<Double> values) {
    float[] f = new float[values.size()];
    for (int i = 0; i < f.length; i++) {
      f[i] = values.get(i).floatValue();
    }
    return f;
  }

  /** Builds messages of the form {@code file: key = value: problem}. */
  private record Checker(String fileName) {
    <T> T require(T value, String key) throws ModelException {
      if (value == null) {
        throw new ModelException(fileName + ": missing key '" + key + "'");
      }
      return value;
    }

    ModelException error(String key, Object value, String problem) {
      return new ModelException(fileName + ": " + key + " = " + value + " " + problem);
    }

    <E extends Enum<E>> E enumValue(Class<E> type, String value, String key) throws ModelException {
      for (E e : type.getEnumConstants()) {
        if (e.name().equalsIgnoreCase(value)) {
          return e;
        }
      }
      throw error(key, value, "is not one of " + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT));
    }

    float[] perChannel(List<Double> values, String key, int channels, double dflt, boolean nonZero)
        throws ModelException {
      List<Double> v = values == null ? List.of(dflt) : values;
      if (v.size() != 1 && v.size() != channels) {
        throw error(key, v, "must have 1 or " + channels + " values");
      }
      float[] f = new float[channels];
      for (int i = 0; i < channels; i++) {
        double x = v.get(v.size() == 1 ? 0 : i);
        if (!Double.isFinite(x) || (nonZero && x == 0)) {
          throw error(key, v, nonZero ? "must be finite and non-zero" : "must be finite");
        }
        f[i] = (float) x;
      }
      return f;
    }

    /** The canonical label of each output, checked: every label mapped, every name canonical. */
    List<String> canonical(List<String> labels, List<String> canonical) throws ModelException {
      if (labels.isEmpty()) {
        throw error("output.labels", labels, "must not be empty");
      }
      if (canonical == null) {
        throw new ModelException(
            fileName + ": missing key 'output.canonical' (the canonical label of each of " + labels + ")");
      }
      List<String> result = new ArrayList<>();
      for (int i = 0; i < labels.size(); i++) {
        if (i >= canonical.size() || canonical.get(i) == null) {
          throw new ModelException(
              fileName + ": output label '" + labels.get(i) + "' (index " + i + ") has no canonical label in output.canonical");
        }
        String name = canonical.get(i);
        if (!Expressions.CANONICAL.contains(name)) {
          throw new ModelException(
              fileName + ": output label '" + labels.get(i) + "' maps to '" + name
                  + "', which is not a canonical label " + Expressions.CANONICAL);
        }
        result.add(name);
      }
      if (canonical.size() > labels.size()) {
        throw error("output.canonical", canonical, "has more entries than the " + labels.size() + " output labels");
      }
      return List.copyOf(result);
    }
  }
}

package org.expressionmirror.expression.onnx.internal;

import java.nio.FloatBuffer;
import java.util.Locale;
import org.expressionmirror.api.ModelInput;

/**
 * The tensor a model was fed, mapped back to 8-bit pixels by undoing its normalisation: {@code
 * pixel = (value * std + mean) / scale}, per channel, in the tensor's own channel order. Read from
 * the very buffer that went to ONNX Runtime, so what the window shows is what the model saw.
 */
final class InputPicture {
  private final ModelSpec spec;
  private final String colour;
  private final String label;

  InputPicture(ModelSpec spec) {
    this.spec = spec;
    this.colour = colour(spec);
    this.label = label(spec);
  }

  /** The picture of {@code tensor} (read from position 0, left unchanged). */
  ModelInput of(FloatBuffer tensor) {
    int plane = spec.width() * spec.height();
    int channels = spec.channels();
    float[] mean = spec.mean();
    float[] std = spec.std();
    byte[] pixels = new byte[plane * channels];
    for (int i = 0; i < plane; i++) {
      for (int c = 0; c < channels; c++) {
        float v = tensor.get(spec.nchw() ? c * plane + i : i * channels + c);
        pixels[i * channels + c] = (byte) toByte((v * std[c] + mean[c]) / spec.scale());
      }
    }
    return new ModelInput(spec.id(), spec.width(), spec.height(), colour, pixels, label);
  }

  private static int toByte(float pixel) {
    return Math.max(0, Math.min(255, Math.round(pixel)));
  }

  private static String colour(ModelSpec spec) {
    return switch (spec.colour()) {
      case GREY -> spec.channels() == 1 ? ModelInput.GREY : ModelInput.RGB;
      case RGB -> ModelInput.RGB;
      case BGR -> ModelInput.BGR;
    };
  }

  /**
   * {@code 64x64 grey, [-1,1]}: the size, the colour and the range of values black to white take
   * after normalisation (over all channels), the two facts behind most "it always says sad".
   */
  static String label(ModelSpec spec) {
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < spec.channels(); c++) {
      double black = (0 - spec.mean()[c]) / spec.std()[c];
      double white = (255 * spec.scale() - spec.mean()[c]) / spec.std()[c];
      low = Math.min(low, Math.min(black, white));
      high = Math.max(high, Math.max(black, white));
    }
    String name = colour(spec).equals(ModelInput.GREY) ? "grey" : colour(spec).toUpperCase(Locale.ROOT);
    return spec.width() + "x" + spec.height() + " " + name + ", [" + number(low) + "," + number(high) + "]";
  }

  /** Two decimals at most, without trailing zeros: 1, -0.48, 255. */
  private static String number(double v) {
    String s = String.format(Locale.ROOT, "%.2f", v);
    s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
    return s.equals("-0") ? "0" : s;
  }
}

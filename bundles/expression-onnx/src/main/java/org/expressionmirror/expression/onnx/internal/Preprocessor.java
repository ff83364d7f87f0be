package org.expressionmirror.expression.onnx.internal;

import java.nio.FloatBuffer;
import org.expressionmirror.api.Box;
import org.expressionmirror.api.Frame;
import org.expressionmirror.platform.opencv.FrameMats;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Turns the face in a frame into the model's input tensor, as the description says: crop (box
 * plus margin, clipped), optional square padding (centred, zeros), bilinear resize, colour, scale,
 * mean and std, layout. Not thread-safe: it reuses one pixel buffer; the model serialises calls.
 */
public final class Preprocessor {
  private final ModelSpec spec;
  private final float[] pixels;
  /** The tensor's values before they are copied to the model's buffer. */
  private final float[] tensor;

  public Preprocessor(ModelSpec spec) {
    this.spec = spec;
    this.pixels = new float[spec.width() * spec.height() * 3];
    this.tensor = new float[spec.width() * spec.height() * spec.channels()];
  }

  /** The box grown by the margin on every side and cut to the frame. */
  Box cropBox(Frame frame, Box box) {
    int mx = (int) Math.round(box.width() * spec.margin());
    int my = (int) Math.round(box.height() * spec.margin());
    Box grown = new Box(box.x() - mx, box.y() - my, box.width() + 2 * mx, box.height() + 2 * my);
    return grown.clip(frame.width(), frame.height());
  }

  /**
   * Writes the model input for the face in {@code box} into {@code out} from position 0.
   *
   * @throws IllegalArgumentException when the box lies outside the frame
   */
  public void fill(Frame frame, Box box, FloatBuffer out) {
    Box crop = cropBox(frame, box);
    // Only the face's pixels are copied, not the whole frame (once per face and model).
    Mat view = FrameMats.toMat(frame, crop);
    Mat floats = new Mat();
    Mat padded = new Mat();
    Mat resized = new Mat();
    try {
      // Float before resizing: an 8-bit resize rounds every pixel, the original models did not.
      view.convertTo(floats, CvType.CV_32FC3);
      Mat source = spec.square() ? padToSquare(floats, padded) : floats;
      resize(source, resized);
    } finally {
      view.release();
      resized.release();
      padded.release();
      floats.release();
    }
    writeTensor(out);
  }

  /**
   * Zero padding to a square, centred; for an odd difference the extra row (column) goes after the
   * image, as face-api's padToSquare does.
   */
  private static Mat padToSquare(Mat src, Mat dst) {
    int w = src.cols();
    int h = src.rows();
    int diff = Math.abs(h - w);
    int after = (int) Math.floor(diff * 0.5 + 0.5);
    int before = diff - after;
    if (h > w) {
      Core.copyMakeBorder(src, dst, 0, 0, before, after, Core.BORDER_CONSTANT, Scalar.all(0));
    } else {
      Core.copyMakeBorder(src, dst, before, after, 0, 0, Core.BORDER_CONSTANT, Scalar.all(0));
    }
    return dst;
  }

  /** Resizes the float crop into {@link #pixels}. */
  private void resize(Mat src, Mat dst) {
    if (spec.resize() == ModelSpec.Resize.BILINEAR) {
      Imgproc.resize(src, dst, new Size(spec.width(), spec.height()), 0, 0, Imgproc.INTER_LINEAR);
      dst.get(0, 0, pixels);
      return;
    }
    float[] crop = new float[src.rows() * src.cols() * 3];
    src.get(0, 0, crop);
    TfLegacyResize.resize(crop, src.cols(), src.rows(), spec.width(), spec.height(), pixels);
  }

  /**
   * Colour, scale, mean/std and layout, from the resized BGR floats into the tensor buffer: into
   * {@link #tensor} first, then one bulk copy (a put per value into the direct buffer cost more
   * than the arithmetic). The colour is chosen once per call, not per value.
   */
  private void writeTensor(FloatBuffer out) {
    int plane = spec.width() * spec.height();
    int channels = spec.channels();
    float scale = spec.scale();
    float[] mean = spec.mean();
    float[] std = spec.std();
    for (int c = 0; c < channels; c++) {
      // the stride and start of channel c in the tensor, NCHW or NHWC
      int at = spec.nchw() ? c * plane : c;
      int step = spec.nchw() ? 1 : channels;
      float m = mean[c];
      float s = std[c];
      if (spec.colour() == ModelSpec.Colour.GREY) {
        float[] g = spec.greyWeights();
        for (int i = 0; i < plane; i++, at += step) {
          float raw = g[0] * pixels[3 * i + 2] + g[1] * pixels[3 * i + 1] + g[2] * pixels[3 * i];
          tensor[at] = (raw * scale - m) / s;
        }
      } else {
        // BGR pixels: channel c of an RGB tensor is pixel channel 2 - c
        int from = spec.colour() == ModelSpec.Colour.RGB ? 2 - c : c;
        for (int i = 0; i < plane; i++, at += step) {
          tensor[at] = (pixels[3 * i + from] * scale - m) / s;
        }
      }
    }
    out.put(0, tensor);
  }
}

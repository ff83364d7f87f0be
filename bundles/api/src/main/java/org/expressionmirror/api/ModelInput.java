package org.expressionmirror.api;

/**
 * The exact input a model received for one face, mapped back to 8-bit pixels: the tensor after
 * crop, padding, resize, colour and normalisation, with the normalisation undone ({@code value *
 * std + mean}, then divided by the scale). A derived image of the camera frame: it goes to a
 * {@link MirrorView} that asks for it and nowhere else (never to a record, log or file).
 *
 * @param model id of the model that received it (a member's id inside an ensemble)
 * @param width tensor width in pixels
 * @param height tensor height in pixels
 * @param colour the channels as fed: {@link #GREY} (one channel), {@link #RGB} or {@link #BGR}
 * @param pixels interleaved 8-bit rows without padding, channels in the order of {@code colour};
 *     treat as read-only
 * @param label what a person needs to read it, e.g. {@code 64x64 grey, [-1,1]}
 */
public record ModelInput(String model, int width, int height, String colour, byte[] pixels, String label) {
  public static final String GREY = "grey";
  public static final String RGB = "rgb";
  public static final String BGR = "bgr";

  public ModelInput {
    if (!GREY.equals(colour) && !RGB.equals(colour) && !BGR.equals(colour)) {
      throw new IllegalArgumentException("model input colour must be grey, rgb or bgr: " + colour);
    }
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("model input size must be positive: " + width + "x" + height);
    }
    int channels = GREY.equals(colour) ? 1 : 3;
    if (pixels.length != width * height * channels) {
      throw new IllegalArgumentException(
          "model input: " + pixels.length + " bytes for " + width + "x" + height + " " + colour);
    }
  }

  /** 1 for grey, 3 for colour. */
  public int channels() {
    return GREY.equals(colour) ? 1 : 3;
  }
}

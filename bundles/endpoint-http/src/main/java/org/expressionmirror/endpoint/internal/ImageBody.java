package org.expressionmirror.endpoint.internal;

import org.expressionmirror.api.Frame;
import org.expressionmirror.platform.opencv.FrameMats;
import org.opencv.core.CvException;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

/** Turns the bytes of a request body into a frame; nothing of them is kept. */
final class ImageBody {
  private ImageBody() {}

  /**
   * The decoded image as a frame (index 0, time 0).
   *
   * @throws Rejected 400 for an empty body, 415 for bytes OpenCV cannot decode as an image, 413
   *     for an image of more than {@code maxPixels} pixels
   */
  static Frame decode(byte[] body, long maxPixels) throws Rejected {
    if (body.length == 0) {
      throw new Rejected(400, "the body is empty: send the bytes of a JPEG or PNG image");
    }
    MatOfByte encoded = new MatOfByte(body);
    Mat image = null;
    try {
      image = Imgcodecs.imdecode(encoded, Imgcodecs.IMREAD_COLOR);
      if (image.empty()) {
        throw notAnImage(body.length, null);
      }
      long pixels = (long) image.cols() * image.rows();
      if (pixels > maxPixels) {
        throw new Rejected(
            413,
            "the image is " + image.cols() + "x" + image.rows() + " = " + pixels
                + " pixels, over the limit of " + maxPixels + " (maxMegapixels in "
                + EndpointConfig.PID + ")");
      }
      return FrameMats.toFrame(image, 0, 0);
    } catch (CvException e) {
      // a decoder's own check failed on damaged data: still just not an image
      throw notAnImage(body.length, e.getMessage().strip());
    } finally {
      encoded.release();
      if (image != null) {
        image.release();
      }
    }
  }

  private static Rejected notAnImage(int length, String detail) {
    return new Rejected(
        415,
        "the body (" + length + " bytes) is not an image OpenCV can decode; send JPEG or PNG bytes"
            + (detail == null ? "" : " (" + detail + ")"));
  }
}

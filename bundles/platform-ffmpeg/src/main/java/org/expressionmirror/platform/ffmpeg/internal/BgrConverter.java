package org.expressionmirror.platform.ffmpeg.internal;

import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_JPEG;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_UNSPECIFIED;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.av_get_pix_fmt_name;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.SWS_CS_DEFAULT;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCoefficients;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;
import static org.bytedeco.ffmpeg.global.swscale.sws_setColorspaceDetails;

import java.io.IOException;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Converts decoded frames of any pixel format and size to packed BGR of one fixed size, like the
 * command line's {@code -vf scale=W:H -pix_fmt bgr24}: a stream that changes size midway still
 * gives frames of the size announced at opening. Converts into one native buffer, then copies
 * its rows into the Java array the frame keeps.
 *
 * <p>The buffer's rows are padded as FFmpeg pads its own frames: swscale's x86 YUV to BGR code
 * writes whole blocks of 16 pixels, up to 24 bytes past the end of a row whose width is no multiple
 * of 16 (e.g. 600), which in a tight buffer ran past its end into the C heap and crashed the
 * program after some seconds of video.
 */
final class BgrConverter implements AutoCloseable {
  /** Rows are padded to whole blocks of this many pixels, twice the block swscale writes. */
  private static final int PIXEL_BLOCK = 32;
  /** Row strides are a multiple of this many bytes, and as much is spare after the last row. */
  private static final int ALIGN = 64;

  private final int width;
  private final int height;
  private final int stride;
  private final BytePointer buffer;
  private final PointerPointer<BytePointer> planes;
  private final IntPointer strides;
  private SwsContext sws;
  // What the colour coefficients were last set for: they are set again only when it changes.
  private long colourFor;
  private int colourSpace = -1;
  private int colourRange = -1;

  BgrConverter(int width, int height) {
    this.width = width;
    this.height = height;
    this.stride = paddedStride(width);
    this.buffer = new BytePointer((long) stride * height + ALIGN);
    // swscale reads four planes and strides, also for a format that has one.
    this.planes = new PointerPointer<BytePointer>(4).put(0, buffer);
    this.strides = new IntPointer(new int[] {stride, 0, 0, 0});
  }

  /** Bytes per row of the native buffer: whole pixel blocks, then whole alignment units. */
  static int paddedStride(int width) {
    long pixels = ((long) width + PIXEL_BLOCK - 1) / PIXEL_BLOCK * PIXEL_BLOCK;
    long bytes = (pixels * 3 + ALIGN - 1) / ALIGN * ALIGN;
    return Math.toIntExact(bytes);
  }

  /** Width of the converted frames. */
  int width() {
    return width;
  }

  /** Height of the converted frames. */
  int height() {
    return height;
  }

  /**
   * The frame as {@code width * height} BGR pixels, in {@code into} when it has exactly that many
   * bytes, else in a new array.
   */
  byte[] convert(AVFrame frame, byte[] into) throws IOException {
    sws = sws_getCachedContext(sws, frame.width(), frame.height(), frame.format(),
        width, height, AV_PIX_FMT_BGR24, SWS_BILINEAR, null, null, (DoublePointer) null);
    if (sws == null || sws.isNull()) {
      BytePointer name = av_get_pix_fmt_name(frame.format());
      throw new IOException("cannot convert pixel format "
          + (name == null ? String.valueOf(frame.format()) : name.getString()) + " to BGR");
    }
    useFrameColours(frame);
    sws_scale(sws, frame.data(), frame.linesize(), 0, frame.height(), planes, strides);
    int rowBytes = width * 3;
    byte[] bgr = into != null && into.length == rowBytes * height ? into : new byte[rowBytes * height];
    try {
      for (int y = 0; y < height; y++) {
        buffer.position((long) y * stride).get(bgr, y * rowBytes, rowBytes);
      }
    } finally {
      buffer.position(0);
    }
    return bgr;
  }

  /**
   * The frame's own YUV matrix and range (BT.709 for HD video, full range for JPEG), as FFmpeg's
   * scale filter uses them; swscale alone would take BT.601 limited range for everything.
   */
  private void useFrameColours(AVFrame frame) {
    int space = frame.colorspace();
    int range = frame.color_range();
    if (sws.address() == colourFor && space == colourSpace && range == colourRange) {
      return;
    }
    int coefficients = space == AVCOL_SPC_UNSPECIFIED ? SWS_CS_DEFAULT : space;
    int fullRange = range == AVCOL_RANGE_JPEG ? 1 : 0;
    IntPointer table = sws_getCoefficients(coefficients);
    // Brightness 0, contrast and saturation 1.0 in 16.16 fixed point: no change.
    sws_setColorspaceDetails(sws, table, fullRange, sws_getCoefficients(SWS_CS_DEFAULT), 1,
        0, 1 << 16, 1 << 16);
    colourFor = sws.address();
    colourSpace = space;
    colourRange = range;
  }

  @Override
  public void close() {
    if (sws != null) {
      sws_freeContext(sws);
      sws = null;
    }
    planes.close();
    strides.close();
    buffer.close();
  }
}

package org.expressionmirror.display.swt.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.eclipse.swt.graphics.Device;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Pattern;
import org.eclipse.swt.internal.C;
import org.eclipse.swt.internal.cairo.Cairo;
import org.expressionmirror.api.Frame;

/**
 * The frame shown, as one SWT image (and the fill pattern it is drawn with) per frame size whose
 * pixels each new frame replaces in place. {@code new Image(device, imageData)} converts every
 * pixel in a Java loop ({@code ImageData.blit}: about half of the window thread's time at 30
 * frames per second) and allocates a frame-sized surface each time; here a frame costs one tight
 * loop packing each BGR pixel into one int of a buffer kept between frames, and one copy into the
 * image's own cairo surface. That surface is SWT-internal (GTK only, {@code Image.surface}); where
 * it is missing, not a 32-bit one, or not exactly the frame's pixels (a HiDPI display scales the
 * image's surface), every frame becomes a new image as before. UI thread only.
 */
final class FrameSurface implements AutoCloseable {
  /** {@code -Dmirror.window.inPlace=false} makes every frame a new image (the portable way). */
  static final String IN_PLACE_PROPERTY = "mirror.window.inPlace";

  /** Four frame bytes as one little-endian int: blue in the low byte, then green, red. */
  private static final VarHandle BGR_INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  /** Alpha 255; or-ed over the int read, it also drops the next pixel's blue. */
  private static final int OPAQUE = 0xff000000;

  private final Device device;
  private Image image;
  private Pattern pattern;
  private int[] pixels = new int[0];
  /** On unless switched off, or once writing into the surface proved impossible on this platform. */
  private boolean inPlace = !"false".equals(System.getProperty(IN_PLACE_PROPERTY));
  private long writes;

  FrameSurface(Device device) {
    this.device = device;
  }

  /** The frame's pixels as a fill pattern (drawn scaled by a transform), valid until the next call. */
  Pattern show(Frame frame) {
    if (image != null && inPlace && write(frame)) {
      return pattern;
    }
    close();
    image = new Image(device, FrameImages.toImageData(frame));
    pattern = new Pattern(device, image);
    return pattern;
  }

  /** Whether the last frame was written into the image in place (else it is a new image). */
  boolean inPlace() {
    return inPlace && writes > 0;
  }

  /**
   * Copies the frame into the image's surface; false when the surface does not hold exactly this
   * frame's pixels (another frame size, a scaled display) or this platform's image has none.
   */
  private boolean write(Frame frame) {
    try {
      long surface = image.surface;
      if (surface == 0) {
        inPlace = false;
        return false;
      }
      if (!fits(surface, frame.width(), frame.height())) {
        writes = 0;
        return false;
      }
      copy(frame, surface);
      writes++;
      return true;
    } catch (LinkageError e) {
      // not SWT for GTK (or another SWT version): the portable way from now on
      inPlace = false;
      return false;
    }
  }

  /**
   * Writes the frame's pixels into a surface that {@link #fits} it. Flush first: cairo keeps
   * copies (snapshots) of a surface it has drawn from, which mark_dirty would otherwise leave stale.
   */
  void copy(Frame frame, long surface) {
    int stride = Cairo.cairo_image_surface_get_stride(surface);
    toPixels(frame, stride / 4);
    Cairo.cairo_surface_flush(surface);
    C.memmove(Cairo.cairo_image_surface_get_data(surface), pixels, (long) stride * frame.height());
    Cairo.cairo_surface_mark_dirty(surface);
  }

  /**
   * Whether a cairo surface is a 32-bit image surface of exactly {@code width} x {@code height}
   * pixels, rows a whole number of ints apart: what {@link #write} assumes. SWT's image size is in
   * points; on a scaled display (GDK_SCALE=2, SWT's autoscale) its surface has twice the pixels.
   */
  static boolean fits(long surface, int width, int height) {
    if (Cairo.cairo_surface_get_type(surface) != Cairo.CAIRO_SURFACE_TYPE_IMAGE) {
      return false;
    }
    int format = Cairo.cairo_image_surface_get_format(surface);
    int stride = Cairo.cairo_image_surface_get_stride(surface);
    return (format == Cairo.CAIRO_FORMAT_RGB24 || format == Cairo.CAIRO_FORMAT_ARGB32)
        && Cairo.cairo_image_surface_get_width(surface) == width
        && Cairo.cairo_image_surface_get_height(surface) == height
        && stride % 4 == 0
        && stride / 4 >= width;
  }

  /**
   * Cairo's 32-bit pixel is a native int 0xAARRGGBB (alpha 255: opaque, also for ARGB32's
   * premultiplied alpha), whatever the machine's byte order; {@code stride} is in ints. A BGR
   * pixel read as a little-endian int from its first byte is 0x??RRGGBB already (the top byte is
   * the next pixel's blue): one read a pixel instead of three, and the alpha replaces that byte.
   */
  private void toPixels(Frame frame, int stride) {
    int size = stride * frame.height();
    if (pixels.length != size) {
      pixels = new int[size];
    }
    byte[] bgr = frame.bgr();
    int width = frame.width();
    int height = frame.height();
    for (int y = 0; y < height; y++) {
      int from = y * width * 3;
      int to = y * stride;
      // the frame's very last pixel has no fourth byte after it: read byte by byte below
      int whole = y == height - 1 ? width - 1 : width;
      for (int x = 0; x < whole; x++, from += 3) {
        pixels[to + x] = OPAQUE | (int) BGR_INT.get(bgr, from);
      }
      if (whole < width) {
        pixels[to + whole] = OPAQUE | (bgr[from + 2] & 0xff) << 16 | (bgr[from + 1] & 0xff) << 8 | (bgr[from] & 0xff);
      }
    }
  }

  @Override
  public void close() {
    if (pattern != null) {
      pattern.dispose();
      pattern = null;
    }
    if (image != null) {
      image.dispose();
      image = null;
    }
  }
}

package org.expressionmirror.display.swt.internal;

import org.eclipse.swt.graphics.Device;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Pattern;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.internal.C;
import org.eclipse.swt.internal.cairo.Cairo;
import org.expressionmirror.api.Frame;

/**
 * The frame shown, as one SWT image (and the fill pattern it is drawn with) per frame size whose
 * pixels each new frame replaces in place. {@code new Image(device, imageData)} converts every
 * pixel in a Java loop ({@code ImageData.blit}: about half of the window thread's time at 30
 * frames per second) and allocates a frame-sized surface each time; here a frame costs one tight
 * loop packing each BGR pixel into one int of a buffer kept between frames, and one copy into the
 * image's own cairo surface. That surface is SWT-internal (GTK only, {@code Image.surface}); where it is missing or
 * not a 32-bit one, every frame becomes a new image as before. The in-place way is off by default
 * (see {@link #inPlace}). UI thread only.
 */
final class FrameSurface implements AutoCloseable {
  private final Device device;
  private Image image;
  private Pattern pattern;
  private int[] pixels = new int[0];
  /**
   * Off unless {@code -Dmirror.window.inPlace=true}: on Xvfb the window intermittently kept showing
   * the previous frame after an in-place write (the window check "a new frame replaces the pixels"
   * failed in about one run of three), so every frame is a new image until that is understood.
   * False also once writing into the surface proved impossible on this platform.
   */
  private boolean inPlace = Boolean.getBoolean("mirror.window.inPlace");
  private long writes;

  FrameSurface(Device device) {
    this.device = device;
  }

  /** The frame's pixels as a fill pattern (drawn scaled by a transform), valid until the next call. */
  Pattern show(Frame frame) {
    if (image != null && inPlace && sameSize(frame) && write(frame)) {
      return pattern;
    }
    close();
    image = new Image(device, FrameImages.toImageData(frame));
    pattern = new Pattern(device, image);
    return pattern;
  }

  /** Whether the frames so far were written into the image in place (else a new image each). */
  boolean inPlace() {
    return inPlace && writes > 0;
  }

  private boolean sameSize(Frame frame) {
    Rectangle b = image.getBounds();
    return b.width == frame.width() && b.height == frame.height();
  }

  /** Copies the frame into the image's surface; false when this platform's image has none to write. */
  private boolean write(Frame frame) {
    try {
      long surface = image.surface;
      if (surface == 0) {
        inPlace = false;
        return false;
      }
      int format = Cairo.cairo_image_surface_get_format(surface);
      int stride = Cairo.cairo_image_surface_get_stride(surface);
      if ((format != Cairo.CAIRO_FORMAT_RGB24 && format != Cairo.CAIRO_FORMAT_ARGB32) || stride % 4 != 0) {
        inPlace = false;
        return false;
      }
      toPixels(frame, stride / 4);
      Cairo.cairo_surface_flush(surface);
      C.memmove(Cairo.cairo_image_surface_get_data(surface), pixels, (long) stride * frame.height());
      Cairo.cairo_surface_mark_dirty(surface);
      writes++;
      return true;
    } catch (LinkageError e) {
      // not SWT for GTK (or another SWT version): the portable way from now on
      inPlace = false;
      return false;
    }
  }

  /**
   * Cairo's 32-bit pixel is a native int 0xAARRGGBB (alpha 255: opaque, also for ARGB32's
   * premultiplied alpha), whatever the machine's byte order; {@code stride} is in ints.
   */
  private void toPixels(Frame frame, int stride) {
    int size = stride * frame.height();
    if (pixels.length != size) {
      pixels = new int[size];
    }
    byte[] bgr = frame.bgr();
    int width = frame.width();
    for (int y = 0; y < frame.height(); y++) {
      int from = y * width * 3;
      int to = y * stride;
      for (int x = 0; x < width; x++, from += 3) {
        pixels[to + x] = 0xff000000 | (bgr[from + 2] & 0xff) << 16 | (bgr[from + 1] & 0xff) << 8 | (bgr[from] & 0xff);
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

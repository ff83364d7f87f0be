package org.expressionmirror.display.swt.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.swt.internal.C;
import org.eclipse.swt.internal.cairo.Cairo;
import org.expressionmirror.api.Frame;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The in-place frame write against real cairo image surfaces (SWT's own cairo binding, no display
 * needed): which surfaces it may write into, and the pixels it writes.
 */
class FrameSurfaceTest {
  @BeforeAll
  static void swtNatives() throws Exception {
    // SWT unpacks its natives there, and only into a folder that exists
    Files.createDirectories(Path.of(System.getProperty("swt.library.path", "target/swt")));
  }

  @Test
  void aSurfaceOfTheFramesPixelSizeFitsAndAScaledOneDoesNot() {
    long same = Cairo.cairo_image_surface_create(Cairo.CAIRO_FORMAT_RGB24, 640, 480);
    long scaled = Cairo.cairo_image_surface_create(Cairo.CAIRO_FORMAT_ARGB32, 1280, 960);
    long alphaOnly = Cairo.cairo_image_surface_create(Cairo.CAIRO_FORMAT_A8, 640, 480);
    try {
      // what SWT makes of a 640x480 image on a display scaled by 2 (GDK_SCALE=2): twice the
      // pixels each way, shown at the image's size in points by the device scale
      Cairo.cairo_surface_set_device_scale(scaled, 2, 2);
      assertTrue(FrameSurface.fits(same, 640, 480));
      assertFalse(FrameSurface.fits(scaled, 640, 480), "a HiDPI surface has twice the pixels");
      assertFalse(FrameSurface.fits(same, 320, 240), "a frame of another size");
      assertFalse(FrameSurface.fits(alphaOnly, 640, 480), "not 32 bits a pixel");
    } finally {
      Cairo.cairo_surface_destroy(same);
      Cairo.cairo_surface_destroy(scaled);
      Cairo.cairo_surface_destroy(alphaOnly);
    }
  }

  @Test
  void theFramesBgrPixelsLandAsOpaqueCairoPixelsRowByRow() {
    // 3 pixels a row: 12 bytes, which cairo pads to its stride (16 bytes) - the rows must not shift
    byte[] bgr = new byte[3 * 2 * 3];
    for (int i = 0; i < bgr.length; i++) {
      bgr[i] = (byte) (i * 13 + 7);
    }
    long surface = Cairo.cairo_image_surface_create(Cairo.CAIRO_FORMAT_ARGB32, 3, 2);
    try {
      FrameSurface frames = new FrameSurface(null);
      frames.copy(new Frame(0, 0, 3, 2, bgr), surface);
      // a second frame replaces the pixels of the first
      byte[] next = new byte[bgr.length];
      for (int i = 0; i < next.length; i++) {
        next[i] = (byte) (255 - i * 11);
      }
      frames.copy(new Frame(1, 40, 3, 2, next), surface);
      Cairo.cairo_surface_flush(surface);
      int stride = Cairo.cairo_image_surface_get_stride(surface) / 4;
      int[] written = new int[stride * 2];
      C.memmove(written, Cairo.cairo_image_surface_get_data(surface), written.length * 4L);
      int[] want = new int[3 * 2];
      int[] got = new int[3 * 2];
      for (int p = 0; p < 6; p++) {
        int b = next[3 * p] & 0xff;
        int g = next[3 * p + 1] & 0xff;
        int r = next[3 * p + 2] & 0xff;
        want[p] = 0xff000000 | r << 16 | g << 8 | b;
        got[p] = written[(p / 3) * stride + p % 3];
      }
      assertArrayEquals(want, got);
    } finally {
      Cairo.cairo_surface_destroy(surface);
    }
  }
}

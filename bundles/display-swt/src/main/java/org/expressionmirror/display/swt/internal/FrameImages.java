package org.expressionmirror.display.swt.internal;

import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.expressionmirror.api.Frame;

/**
 * Turns BGR frames into SWT image data. SWT reads a 24-bit pixel as {@code b0<<16 | b1<<8 | b2},
 * so BGR bytes need no conversion with red in the low byte and blue in the high byte: the image
 * data wraps the frame's own bytes, nothing is copied. The mirror view flips the image while
 * drawing it (MirrorWindow), not here.
 */
final class FrameImages {
  static final PaletteData BGR = new PaletteData(0x0000FF, 0x00FF00, 0xFF0000);

  private FrameImages() {}

  /** Image data over the frame's bytes. */
  static ImageData toImageData(Frame frame) {
    return new ImageData(frame.width(), frame.height(), 24, BGR, 1, frame.bgr());
  }
}

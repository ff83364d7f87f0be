package org.expressionmirror.launcher;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/** Video frames for the tests' encoders (FFmpeg's TestVideoWriter takes BGR rows). */
final class BgrFrames {
  private BgrFrames() {}

  /** The photo scaled to w x h as BGR rows without padding. */
  static byte[] scaled(BufferedImage photo, int w, int h) {
    BufferedImage frame = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = frame.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(photo, 0, 0, w, h, null);
    g.dispose();
    return ((DataBufferByte) frame.getRaster().getDataBuffer()).getData();
  }
}

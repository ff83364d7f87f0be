package org.expressionmirror.face.blazeface.internal;

/**
 * How a source image sits in the square model input: scaled to fit with its aspect ratio kept and
 * centred, the rest padded. Maps coordinates both ways.
 *
 * @param size side of the square input in pixels
 * @param sourceWidth source width in pixels
 * @param sourceHeight source height in pixels
 * @param scaledWidth width of the scaled source inside the input
 * @param scaledHeight height of the scaled source inside the input
 * @param padX columns of padding left of the scaled source
 * @param padY rows of padding above the scaled source
 */
record Letterbox(
    int size,
    int sourceWidth,
    int sourceHeight,
    int scaledWidth,
    int scaledHeight,
    int padX,
    int padY) {

  static Letterbox of(int sourceWidth, int sourceHeight, int size) {
    if (sourceWidth <= 0 || sourceHeight <= 0) {
      throw new IllegalArgumentException(
          "image size must be positive: " + sourceWidth + "x" + sourceHeight);
    }
    double scale = size / (double) Math.max(sourceWidth, sourceHeight);
    int w = Math.max(1, Math.min(size, (int) Math.round(sourceWidth * scale)));
    int h = Math.max(1, Math.min(size, (int) Math.round(sourceHeight * scale)));
    return new Letterbox(size, sourceWidth, sourceHeight, w, h, (size - w) / 2, (size - h) / 2);
  }

  double toSourceX(double inputX) {
    return (inputX - padX) * sourceWidth / scaledWidth;
  }

  double toSourceY(double inputY) {
    return (inputY - padY) * sourceHeight / scaledHeight;
  }

  double toInputX(double sourceX) {
    return sourceX * scaledWidth / sourceWidth + padX;
  }

  double toInputY(double sourceY) {
    return sourceY * scaledHeight / sourceHeight + padY;
  }
}

package org.expressionmirror.expression.onnx.internal;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.expressionmirror.api.Frame;

/** Real photos unpacked from the models jar by the build (see pom.xml), decoded without OpenCV. */
final class Photos {
  static final Path DIR = Path.of("target/models-jar/testdata/faces");

  private Photos() {}

  static Frame frame(String name) throws IOException {
    BufferedImage read = ImageIO.read(DIR.resolve(name).toFile());
    if (read == null) {
      throw new IOException("not an image: " + DIR.resolve(name));
    }
    BufferedImage bgr = new BufferedImage(read.getWidth(), read.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
    bgr.getGraphics().drawImage(read, 0, 0, null);
    byte[] bytes = ((DataBufferByte) bgr.getRaster().getDataBuffer()).getData();
    return new Frame(0, 0, read.getWidth(), read.getHeight(), bytes.clone());
  }
}

package org.expressionmirror.platform.ffmpeg.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.expressionmirror.platform.ffmpeg.FfmpegRuntime;
import org.expressionmirror.platform.ffmpeg.VideoDecoder;
import org.osgi.service.component.annotations.Component;

/**
 * Offers {@link FfmpegRuntime}; loads FFmpeg's natives once, from this bundle's class loader (a
 * JNI library binds to the class loader that loaded it, and this bundle is never updated at run
 * time), when the first video is opened. Loading extracts about 50 MB: a run over photos or a
 * camera never pays for it, and the framework's start is not held up by it.
 */
@Component(service = FfmpegRuntime.class)
public final class FfmpegRuntimeComponent implements FfmpegRuntime {
  @Override
  public String version() {
    return FfmpegNatives.load();
  }

  @Override
  public VideoDecoder open(Path file, Consumer<String> warnings) throws IOException {
    try {
      FfmpegNatives.load();
    } catch (LinkageError e) {
      // Natives missing for this platform, or unloadable: the user gets one line, not a trace.
      throw new IOException("cannot decode video: " + file + " (FFmpeg natives did not load: "
          + e.getMessage() + ")", e);
    }
    return FileDecoder.open(file, warnings);
  }
}

package org.expressionmirror.platform.ffmpeg.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.expressionmirror.platform.ffmpeg.FfmpegRuntime;
import org.expressionmirror.platform.ffmpeg.VideoDecoder;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Loads FFmpeg's natives once, from this bundle's class loader (a JNI library binds to the class
 * loader that loaded it, and this bundle is never updated at run time), and then registers
 * {@link FfmpegRuntime}.
 */
@Component(immediate = true, service = FfmpegRuntime.class)
public final class FfmpegRuntimeComponent implements FfmpegRuntime {
  private final String version;

  @Activate
  public FfmpegRuntimeComponent() {
    // Loading here means a platform without natives fails at start, not on the first video.
    this.version = FfmpegNatives.load();
  }

  @Override
  public String version() {
    return version;
  }

  @Override
  public VideoDecoder open(Path file, Consumer<String> warnings) throws IOException {
    return FileDecoder.open(file, warnings);
  }
}

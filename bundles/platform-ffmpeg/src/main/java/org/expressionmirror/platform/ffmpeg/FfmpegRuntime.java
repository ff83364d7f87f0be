package org.expressionmirror.platform.ffmpeg;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Decodes video files with FFmpeg in this process; its natives are loaded on first use. Opens
 * local video files only: no network protocol, no device, no subprocess.
 */
public interface FfmpegRuntime {
  /** The FFmpeg version of the natives, e.g. {@code 7.1}; loads them if not yet done. */
  String version();

  /**
   * Opens the first video stream of {@code file} and decodes its first frame, so a file that is no
   * video, or whose video cannot be decoded, fails here.
   *
   * @param warnings told once, with the file's name, when damaged data was skipped while decoding
   * @throws IOException with one line: {@code cannot decode video: FILE (ffmpeg: REASON)}
   */
  VideoDecoder open(Path file, Consumer<String> warnings) throws IOException;
}

package org.expressionmirror.platform.ffmpeg.internal;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_QUIET;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.av_version_info;

import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swscale;
import org.bytedeco.javacpp.Loader;

/**
 * Loads the FFmpeg natives, once per class loader. JavaCPP extracts them from this bundle into its
 * cache folder and loads them from there; the cache is put into the run's temporary folder (the
 * launcher's scratch folder, cleaned at start) instead of JavaCPP's default in the user's home.
 */
final class FfmpegNatives {
  static final String CACHE_DIR = "org.bytedeco.javacpp.cachedir";

  private static String version;

  private FfmpegNatives() {}

  /** Loads the natives if not yet done and returns FFmpeg's version, e.g. {@code 7.1}. */
  static synchronized String load() {
    if (version == null) {
      if (System.getProperty(CACHE_DIR) == null) {
        // JavaCPP reads only this system property; set before its first use.
        System.setProperty(
            CACHE_DIR, Path.of(System.getProperty("java.io.tmpdir"), "javacpp").toString());
      }
      Loader.load(avutil.class);
      Loader.load(avcodec.class);
      Loader.load(avformat.class);
      Loader.load(swscale.class);
      // FFmpeg's own log goes to stderr; every failure reaches the user as one line instead.
      av_log_set_level(AV_LOG_QUIET);
      version = av_version_info().getString();
    }
    return version;
  }
}

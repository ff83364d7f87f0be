package org.expressionmirror.capture.opencv.internal;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The ffmpeg and ffprobe programs, validated. A bare name is looked up on the PATH when a video
 * is opened (a missing one gives advice then, not a broken configuration); a path must point at
 * executable files now. ffprobe is the sibling of ffmpeg, as every ffmpeg distribution ships them.
 *
 * @param ffmpeg the decoder, as configured
 * @param ffprobe the prober: ffmpeg's name with "ffmpeg" replaced by "ffprobe"
 */
record FfmpegTools(String ffmpeg, String ffprobe) {
  static final String DEFAULT = "ffmpeg";
  static final String KEY = "ffmpeg";

  static FfmpegTools of(String configured) {
    String value = configured == null ? "" : configured.strip();
    if (value.isEmpty() || value.chars().anyMatch(Character::isISOControl)) {
      throw invalid(configured, "must name the ffmpeg program");
    }
    Path path;
    try {
      path = Path.of(value);
    } catch (InvalidPathException e) {
      throw invalid(configured, "is not a valid path");
    }
    String name = path.getFileName() == null ? "" : path.getFileName().toString();
    int at = name.toLowerCase(Locale.ROOT).indexOf("ffmpeg");
    if (at < 0) {
      throw invalid(configured, "must name a program called ffmpeg (ffprobe is taken next to it)");
    }
    String probeName = name.substring(0, at) + "ffprobe" + name.substring(at + "ffmpeg".length());
    if (path.getParent() == null) {
      return new FfmpegTools(value, probeName);
    }
    Path probe = path.resolveSibling(probeName);
    for (Path program : new Path[] {path, probe}) {
      if (!Files.isRegularFile(program) || !Files.isExecutable(program)) {
        throw invalid(configured, "must be an executable file with ffprobe next to it, but "
            + program + " is not one");
      }
    }
    return new FfmpegTools(value, probe.toString());
  }

  boolean isDefault() {
    return DEFAULT.equals(ffmpeg);
  }

  private static IllegalArgumentException invalid(String value, String rule) {
    return new IllegalArgumentException(
        OpenCvFrameSourceFactory.PID + ": " + KEY + " " + rule + ", got '" + value + "'");
  }
}

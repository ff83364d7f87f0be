package org.expressionmirror.capture.opencv.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.expressionmirror.api.FrameSource;
import org.expressionmirror.api.FrameSourceFactory;
import org.expressionmirror.api.SourceSpec;
import org.expressionmirror.platform.ffmpeg.FfmpegRuntime;
import org.expressionmirror.platform.opencv.OpenCvRuntime;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * Opens cameras ({@code camera:N}) with OpenCV, video files with FFmpeg, image files and folders
 * of images with OpenCV. Files are read on demand, every frame; cameras and real-time files
 * through a {@link LiveSource}. Both work on any {@link FrameReader}.
 *
 * <p>Every video file goes to FFmpeg, Motion-JPEG AVI included: OpenCV's own AVI reader (the only
 * one in the openpnp build) stops early on files over 1 GiB with an OpenDML index, and choosing by
 * file name would misroute files anyway (an .avi may hold H.264).
 */
@Component(service = FrameSourceFactory.class)
public final class OpenCvFrameSourceFactory implements FrameSourceFactory {
  /** File name endings read as images; anything else is tried as a video. */
  static final Set<String> IMAGE_EXTENSIONS =
      Set.of("jpg", "jpeg", "png", "bmp", "tif", "tiff", "webp", "pgm", "ppm", "pnm");

  private final FfmpegRuntime ffmpeg;
  private final Logger logger;

  /**
   * The OpenCV reference makes sure its natives are loaded before anything is opened; FFmpeg
   * loads its own when the first video is opened.
   */
  @Activate
  public OpenCvFrameSourceFactory(
      @Reference OpenCvRuntime openCv,
      @Reference FfmpegRuntime ffmpeg,
      @Reference(service = LoggerFactory.class) Logger logger) {
    this.ffmpeg = ffmpeg;
    this.logger = logger;
  }

  @Override
  public FrameSource open(SourceSpec spec) throws IOException {
    if (spec.isCamera()) {
      int index;
      try {
        index = spec.cameraIndex();
      } catch (IllegalArgumentException e) {
        throw new IOException(e.getMessage(), e);
      }
      return LiveSource.camera(VideoReader.openCamera(index));
    }
    Path path = Path.of(spec.location());
    if (Files.isDirectory(path)) {
      // No clock in a folder of photos: real time does not apply.
      return new PulledSource(new ImageReader(path.toString(), imagesIn(path)));
    }
    boolean image = isImage(path);
    if (!Files.isRegularFile(path)) {
      throw new IOException((image ? "image" : "video") + " file not found: " + path);
    }
    if (image) {
      return new PulledSource(new ImageReader(path.toString(), List.of(path)));
    }
    FrameReader video = openVideo(path);
    // Without a frame rate there is no pace to keep: such a file is read frame by frame.
    return spec.realtime() && video.info().fps() > 0
        ? LiveSource.pacedFile(video)
        : new PulledSource(video);
  }

  private FrameReader openVideo(Path file) throws IOException {
    return new FfmpegVideoReader(ffmpeg.open(file, logger::warn), file.toString());
  }

  static boolean isImage(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot >= 0 && IMAGE_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  /** The image files directly in a folder, sorted by file name. */
  static List<Path> imagesIn(Path folder) throws IOException {
    List<Path> images = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
      for (Path entry : entries) {
        if (Files.isRegularFile(entry) && isImage(entry)) {
          images.add(entry);
        }
      }
    }
    if (images.isEmpty()) {
      throw new IOException(
          "no images in folder: " + folder + " (looked for " + String.join(", ", sorted()) + ")");
    }
    images.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
    return images;
  }

  private static List<String> sorted() {
    return IMAGE_EXTENSIONS.stream().sorted().toList();
  }
}

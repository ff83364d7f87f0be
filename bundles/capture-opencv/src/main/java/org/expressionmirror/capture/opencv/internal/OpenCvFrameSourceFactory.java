package org.expressionmirror.capture.opencv.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.expressionmirror.api.FrameSource;
import org.expressionmirror.api.FrameSourceFactory;
import org.expressionmirror.api.SourceSpec;
import org.expressionmirror.platform.opencv.OpenCvRuntime;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Opens cameras ({@code camera:N}), video files, image files and folders of images with OpenCV,
 * and the videos OpenCV cannot read with ffmpeg. Files are read on demand, every frame; cameras
 * and real-time files through a {@link LiveSource}. Both work on any {@link FrameReader}.
 *
 * <p>A video is offered to OpenCV first and to ffmpeg when OpenCV declines. OpenCV's Motion-JPEG
 * AVI reader runs in-process, costs only a header read to decline, and keeps those files working
 * where ffmpeg is not installed. Choosing by file name instead would misroute files: an .avi may
 * hold H.264 or MPEG-4, which this OpenCV cannot decode.
 */
@Component(service = FrameSourceFactory.class, configurationPid = OpenCvFrameSourceFactory.PID)
@Designate(ocd = CaptureConfig.class)
public final class OpenCvFrameSourceFactory implements FrameSourceFactory {
  static final String PID = "mirror.capture";

  /** File name endings read as images; anything else is tried as a video. */
  static final Set<String> IMAGE_EXTENSIONS =
      Set.of("jpg", "jpeg", "png", "bmp", "tif", "tiff", "webp", "pgm", "ppm", "pnm");

  private final Logger logger;
  // Volatile, not final: replaced by a valid new configuration, kept on an invalid one.
  private volatile FfmpegTools ffmpeg = FfmpegTools.of(FfmpegTools.DEFAULT);

  /**
   * The OpenCV reference makes sure the natives are loaded before anything is opened. An invalid
   * configuration is logged and the default used: capture stays available for everything else.
   */
  @Activate
  public OpenCvFrameSourceFactory(
      CaptureConfig config,
      @Reference OpenCvRuntime openCv,
      @Reference(service = LoggerFactory.class) Logger logger) {
    this.logger = logger;
    modified(config);
  }

  /** Applies a new configuration to the sources opened from now on; rejects an invalid one. */
  @Modified
  void modified(CaptureConfig config) {
    try {
      ffmpeg = FfmpegTools.of(config.ffmpeg());
    } catch (IllegalArgumentException e) {
      logger.error("{}; keeping {}", e.getMessage(), ffmpeg.ffmpeg());
    }
  }

  FfmpegTools ffmpeg() {
    return ffmpeg;
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
      return new PulledSource(
          new ImageReader(path.toString(), path, imagesIn(path, spec.recursive()), logger::warn));
    }
    boolean image = isImage(path);
    if (!Files.isRegularFile(path)) {
      throw new IOException((image ? "image" : "video") + " file not found: " + path);
    }
    if (image) {
      Path folder = path.toAbsolutePath().getParent();
      return new PulledSource(
          new ImageReader(path.toString(), folder, List.of(path), logger::warn));
    }
    FrameReader video = FrameCountCheck.of(openVideo(path), path);
    // Without a frame rate there is no pace to keep: such a file is read frame by frame.
    return spec.realtime() && video.info().fps() > 0
        ? LiveSource.pacedFile(video)
        : new PulledSource(video);
  }

  private FrameReader openVideo(Path file) throws IOException {
    Optional<VideoReader> mjpeg = VideoReader.openFile(file);
    if (mjpeg.isPresent()) {
      return mjpeg.get();
    }
    return FfmpegReader.open(file, ffmpeg, logger::warn);
  }

  static boolean isImage(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot >= 0 && IMAGE_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  /**
   * The image files in a folder, and with {@code recursive} in its subfolders, in name order:
   * path compared name by name, so a subfolder's images come where its name sorts among the files
   * and the order is the same on every run and system. Links to folders are not followed.
   */
  static List<Path> imagesIn(Path folder, boolean recursive) throws IOException {
    List<Path> images = new ArrayList<>();
    collect(folder, recursive, images);
    if (images.isEmpty()) {
      throw new IOException(
          "no images in folder: " + folder + (recursive ? " or its subfolders" : "")
              + " (looked for " + String.join(", ", sorted()) + ")");
    }
    images.sort(OpenCvFrameSourceFactory::byNames);
    return images;
  }

  private static void collect(Path folder, boolean recursive, List<Path> images)
      throws IOException {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
      for (Path entry : entries) {
        if (Files.isRegularFile(entry) && isImage(entry)) {
          images.add(entry);
        } else if (recursive && Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
          collect(entry, true, images);
        }
      }
    }
  }

  /** Compares paths name by name, each name by its characters. */
  static int byNames(Path a, Path b) {
    int n = Math.min(a.getNameCount(), b.getNameCount());
    for (int i = 0; i < n; i++) {
      int c = a.getName(i).toString().compareTo(b.getName(i).toString());
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.getNameCount(), b.getNameCount());
  }

  private static List<String> sorted() {
    return IMAGE_EXTENSIONS.stream().sorted().toList();
  }
}

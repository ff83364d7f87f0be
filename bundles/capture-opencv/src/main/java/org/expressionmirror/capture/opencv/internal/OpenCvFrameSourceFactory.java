package org.expressionmirror.capture.opencv.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
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
import org.osgi.framework.BundleContext;
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

  /** Framework property that switches the timing lines on (off by default). */
  static final String TIMING = "mirror.timing";

  private final FfmpegRuntime ffmpeg;
  private final Logger logger;
  /** Notes when a live frame was read (the window's latency is measured from it); may do nothing. */
  private final LiveSource.ReadStamp stamp;

  /**
   * The OpenCV reference makes sure its natives are loaded before anything is opened; FFmpeg
   * loads its own when the first video is opened.
   */
  @Activate
  public OpenCvFrameSourceFactory(
      @Reference OpenCvRuntime openCv,
      @Reference FfmpegRuntime ffmpeg,
      @Reference(service = LoggerFactory.class) Logger logger,
      BundleContext context) {
    this(ffmpeg, logger, Boolean.parseBoolean(context.getProperty(TIMING)));
  }

  /** Without the timing lines (tests). */
  OpenCvFrameSourceFactory(OpenCvRuntime openCv, FfmpegRuntime ffmpeg, Logger logger) {
    this(ffmpeg, logger, false);
  }

  private OpenCvFrameSourceFactory(FfmpegRuntime ffmpeg, Logger logger, boolean timing) {
    this.ffmpeg = ffmpeg;
    this.logger = logger;
    this.stamp = timing ? LiveSource.ReadStamp.PRINTED : LiveSource.ReadStamp.NONE;
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
      return LiveSource.camera(VideoReader.openCamera(index), stamp);
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
        ? LiveSource.pacedFile(video, stamp)
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

package org.expressionmirror.capture.opencv.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.expressionmirror.api.Frame;
import org.expressionmirror.api.FrameSource;
import org.expressionmirror.api.SourceSpec;
import org.expressionmirror.platform.ffmpeg.internal.FfmpegRuntimeComponent;
import org.expressionmirror.platform.opencv.internal.OpenCvLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.videoio.VideoWriter;
import org.opencv.videoio.Videoio;

/**
 * Sources read to the end or say why not: unreadable images are skipped by name and counted,
 * subfolders are read in a stable order, any Unicode path works, and a video that ends before the
 * frame count its file declares fails.
 */
class SourcesTest {
  private static final int W = TestVideos.W;
  private static final int H = TestVideos.H;

  private static final TestLogger log = new TestLogger();
  private static OpenCvFrameSourceFactory factory;

  @TempDir Path dir;

  @BeforeAll
  static void loadOpenCv() {
    factory = new OpenCvFrameSourceFactory(new OpenCvLoader(), new FfmpegRuntimeComponent(), log.logger);
  }

  @Test
  void anUnreadableImageInAFolderIsNamedSkippedAndCounted() throws Exception {
    Path folder = Files.createDirectory(dir.resolve("mixed"));
    writeSolid(folder.resolve("a.png"), 40, 30, 1);
    Files.writeString(folder.resolve("b.jpg"), "no jpeg here");
    Files.write(folder.resolve("c.png"), new byte[0]);
    writeSolid(folder.resolve("d.png"), 60, 50, 3);
    log.lines.clear();
    List<Frame> frames;
    long unreadable;
    try (FrameSource source = factory.open(new SourceSpec(folder.toString(), false))) {
      frames = readAll(source);
      unreadable = source.unreadable();
    }
    assertEquals(List.of("a.png", "d.png"), frames.stream().map(Frame::name).toList());
    assertEquals(List.of(0L, 1L), frames.stream().map(Frame::index).toList());
    assertEquals(60, frames.get(1).width());
    assertEquals(2, unreadable);
    assertEquals(
        List.of(
            "warn: cannot decode image: " + folder.resolve("b.jpg") + "; skipped",
            "warn: cannot decode image: " + folder.resolve("c.png") + " (empty file); skipped"),
        log.lines);
  }

  @Test
  void aFolderStartingWithUnreadableImagesStartsAtTheFirstReadableOne() throws Exception {
    Path folder = Files.createDirectory(dir.resolve("late"));
    Files.writeString(folder.resolve("a.jpg"), "broken");
    writeSolid(folder.resolve("b.png"), 50, 40, 2);
    try (FrameSource source = factory.open(new SourceSpec(folder.toString(), false))) {
      assertEquals(50, source.info().width());
      assertEquals(1, source.unreadable());
      assertEquals(List.of("b.png"), readAll(source).stream().map(Frame::name).toList());
    }
  }

  @Test
  void aFolderWithNoReadableImageFailsSayingHowManyWereUnreadable() throws Exception {
    Path folder = Files.createDirectory(dir.resolve("bad"));
    Files.writeString(folder.resolve("a.jpg"), "broken");
    Files.writeString(folder.resolve("b.png"), "broken");
    IOException e =
        assertThrows(IOException.class, () -> factory.open(new SourceSpec(folder.toString(), false)));
    assertEquals("no readable image in folder: " + folder + " (2 unreadable)", e.getMessage());
  }

  @Test
  void recursiveReadsSubfoldersInNameOrderAndOnlyWhenAsked() throws Exception {
    Path folder = Files.createDirectory(dir.resolve("tree"));
    Path sub = Files.createDirectories(folder.resolve("m/deeper"));
    writeSolid(folder.resolve("z.png"), 40, 30, 1);
    writeSolid(folder.resolve("a.png"), 40, 30, 1);
    writeSolid(folder.resolve("m/b.png"), 40, 30, 1);
    writeSolid(sub.resolve("c.png"), 40, 30, 1);
    writeSolid(folder.resolve("m.png"), 40, 30, 1);
    Files.createDirectory(folder.resolve("empty"));
    List<String> all;
    try (FrameSource source = factory.open(new SourceSpec(folder.toString(), false, true))) {
      all = readAll(source).stream().map(Frame::name).toList();
    }
    assertEquals(List.of("a.png", "m/b.png", "m/deeper/c.png", "m.png", "z.png"), all);
    List<String> top;
    try (FrameSource source = factory.open(new SourceSpec(folder.toString(), false))) {
      top = readAll(source).stream().map(Frame::name).toList();
    }
    assertEquals(List.of("a.png", "m.png", "z.png"), top);
  }

  @Test
  void imagesAndFoldersNamedWithEmojiAreRead() throws Exception {
    Path folder = Files.createDirectory(dir.resolve("fotos 😀 ñ"));
    writeSolid(folder.resolve("smile 😀.png"), 40, 30, 1);
    writeSolid(folder.resolve("日本.png"), 50, 40, 2);
    try (FrameSource source = factory.open(new SourceSpec(folder.toString(), false))) {
      assertEquals(
          List.of("smile 😀.png", "日本.png"), readAll(source).stream().map(Frame::name).toList());
      assertEquals(0, source.unreadable());
    }
    Path single = folder.resolve("smile 😀.png");
    try (FrameSource source = factory.open(new SourceSpec(single.toString(), false))) {
      Frame frame = source.next().orElseThrow();
      assertEquals("smile 😀.png", frame.name());
      assertEquals(40, frame.width());
    }
  }

  @Test
  void anMjpegAviNamedWithAnEmojiIsReadToTheEnd() throws Exception {
    Path folder = Files.createDirectory(dir.resolve("vídeo 🎬"));
    Path video = folder.resolve("clip 😀.avi");
    writeVideo(dir.resolve("plain.avi"), 12);
    Files.move(dir.resolve("plain.avi"), video);
    List<Frame> frames;
    try (FrameSource source = factory.open(new SourceSpec(video.toString(), false))) {
      assertEquals(video.toString(), source.info().description());
      assertEquals(12, source.info().declaredFrames());
      frames = readAll(source);
    }
    assertEquals(12, frames.size());
    assertEquals("", frames.get(0).name());
  }

  @Test
  void theAviHeaderDeclaresTheFramesWritten() throws Exception {
    Path video = dir.resolve("count.avi");
    writeVideo(video, 17);
    assertEquals(17, AviHeader.declaredFrames(video).orElseThrow());
    assertTrue(AviHeader.declaredFrames(Files.writeString(dir.resolve("x.avi"), "RIFF")).isEmpty());
  }

  /**
   * The header of an OpenDML AVI as ffmpeg writes it past 1 GiB (measured on a 2.3 GB file): the
   * main header counts only the first RIFF part's 4,717 frames; the stream header and the
   * extended header count all 10,592.
   */
  @Test
  void anOpenDmlHeaderDeclaresTheWholeFileNotItsFirstPart() {
    ByteBuffer avih = le(56).putInt(40000).putInt(0).putInt(0).putInt(0x10).putInt(4717);
    ByteBuffer strh = le(56).put(ascii("vids")).put(ascii("MJPG"));
    strh.putInt(32, 10592);
    ByteBuffer auds = le(56).put(ascii("auds"));
    auds.putInt(32, 99999); // an audio stream's length is in samples: not frames
    ByteBuffer dmlh = le(248).putInt(10592);
    byte[] strl = list("strl", chunk("strh", strh.array()), chunk("strf", new byte[40]));
    byte[] audio = list("strl", chunk("strh", auds.array()));
    byte[] odml = list("odml", chunk("dmlh", dmlh.array()));
    byte[] hdrl = list("hdrl", chunk("avih", avih.array()), strl, audio, odml);
    byte[] riff = chunk("RIFF", ascii("AVI "), hdrl, chunk("JUNK", new byte[7]), list("movi"));
    assertEquals(10592, AviHeader.parse(ByteBuffer.wrap(riff).order(ByteOrder.LITTLE_ENDIAN)).orElseThrow());
    ByteBuffer onlyMain = ByteBuffer.wrap(chunk("RIFF", ascii("AVI "), list("hdrl", chunk("avih", avih.array()))));
    assertEquals(4717, AviHeader.parse(onlyMain.order(ByteOrder.LITTLE_ENDIAN)).orElseThrow());
  }

  private static ByteBuffer le(int size) {
    return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
  }

  private static byte[] ascii(String fourCc) {
    return fourCc.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] list(String type, byte[]... content) {
    return chunk("LIST", ascii(type), join(content));
  }

  /** A RIFF chunk: id, little-endian size, data, padded to an even length. */
  private static byte[] chunk(String id, byte[]... parts) {
    byte[] data = join(parts);
    ByteBuffer b = le(8 + data.length + (data.length & 1));
    return b.put(ascii(id)).putInt(data.length).put(data).array();
  }

  private static byte[] join(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  @Test
  void aVideoThatEndsBeforeTheFramesItDeclaresFailsSayingHowMany() throws Exception {
    Path video = dir.resolve("cut.avi");
    writeVideo(video, 30);
    long declared = AviHeader.declaredFrames(video).orElseThrow();
    // Cut the last third of the file, index included: the header still declares 30 frames.
    try (RandomAccessFile file = new RandomAccessFile(video.toFile(), "rw")) {
      file.setLength(file.length() * 2 / 3);
    }
    List<Frame> frames = new ArrayList<>();
    IOException e;
    try (FrameSource source = factory.open(new SourceSpec(video.toString(), false))) {
      assertEquals(declared, source.info().declaredFrames());
      e = assertThrows(IOException.class, () -> {
        for (Optional<Frame> f = source.next(); f.isPresent(); f = source.next()) {
          frames.add(f.get());
        }
      });
      assertTrue(source.next().isEmpty(), "said once, then ended");
    }
    assertTrue(frames.size() > 0 && frames.size() < 30, frames.size() + " frames");
    assertEquals(
        "read " + frames.size() + " of 30 frames declared by " + video
            + "; the rest of the file could not be read",
        e.getMessage());
  }

  @Test
  void aRealtimeVideoThatEndsEarlyFailsToo() throws Exception {
    Path video = dir.resolve("cut-live.avi");
    writeVideo(video, 30);
    try (RandomAccessFile file = new RandomAccessFile(video.toFile(), "rw")) {
      file.setLength(file.length() / 2);
    }
    try (FrameSource source = factory.open(new SourceSpec(video.toString(), true))) {
      assertTrue(source.info().live());
      assertEquals(30, source.info().declaredFrames());
      IOException e = assertThrows(IOException.class, () -> readAll(source));
      assertTrue(e.getMessage().contains(" of 30 frames declared by " + video), e.getMessage());
    }
  }

  private static List<Frame> readAll(FrameSource source) throws Exception {
    List<Frame> frames = new ArrayList<>();
    for (Optional<Frame> f = source.next(); f.isPresent(); f = source.next()) {
      frames.add(f.get());
    }
    return frames;
  }

  /** An MJPEG AVI of a real photo's pan, written by OpenCV (ASCII path). */
  private static void writeVideo(Path file, int n) {
    VideoWriter writer =
        new VideoWriter(
            file.toString(),
            Videoio.CAP_OPENCV_MJPEG,
            VideoWriter.fourcc('M', 'J', 'P', 'G'),
            25,
            new Size(W, H));
    assertTrue(writer.isOpened(), "VideoWriter did not open " + file);
    List<Mat> frames = TestVideos.panFrames(n);
    try {
      frames.forEach(writer::write);
    } finally {
      writer.release();
      frames.forEach(Mat::release);
    }
  }

  /** A one-colour PNG, written from Java so that any file name works. */
  private static void writeSolid(Path file, int w, int h, int level) throws IOException {
    Mat image = new Mat(h, w, CvType.CV_8UC3, new Scalar(level * 50 + 10, 0, 255));
    MatOfByte png = new MatOfByte();
    try {
      Imgcodecs.imencode(".png", image, png);
      Files.write(file, png.toArray());
    } finally {
      image.release();
      png.release();
    }
  }
}

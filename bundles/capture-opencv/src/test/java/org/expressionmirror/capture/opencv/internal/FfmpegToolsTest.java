package org.expressionmirror.capture.opencv.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ffmpeg key's validation and the parsing of ffprobe's answer. */
class FfmpegToolsTest {
  @TempDir Path dir;

  @Test
  void bareNameIsLookedUpLaterAndFfprobeIsItsSibling() throws IOException {
    assertEquals(new FfmpegTools("ffmpeg", "ffprobe"), FfmpegTools.of("ffmpeg"));
    assertEquals(new FfmpegTools("ffmpeg-6", "ffprobe-6"), FfmpegTools.of(" ffmpeg-6 "));
    Path ffmpeg = executable("ffmpeg.exe");
    executable("ffprobe.exe");
    assertEquals(
        new FfmpegTools(ffmpeg.toString(), dir.resolve("ffprobe.exe").toString()),
        FfmpegTools.of(ffmpeg.toString()));
  }

  @Test
  void invalidValuesNameKeyAndValue() throws IOException {
    assertInvalid("", "must name the ffmpeg program");
    assertInvalid("  ", "must name the ffmpeg program");
    assertInvalid("ff\nmpeg", "must name the ffmpeg program");
    assertInvalid("/bin/sh", "must name a program called ffmpeg");
    assertInvalid(dir.resolve("ffmpeg").toString(), "must be an executable file");
    executable("ffmpeg");
    // ffmpeg alone is not enough: ffprobe must be next to it.
    assertInvalid(dir.resolve("ffmpeg").toString(), "is not one");
  }

  @Test
  void probeSizeRateAndRotation() throws IOException {
    VideoProbe plain = parse("{\"streams\":[{\"width\":640,\"height\":360,"
        + "\"r_frame_rate\":\"2997/100\",\"avg_frame_rate\":\"2997/100\",\"tags\":{}}]}");
    assertEquals(new VideoProbe(640, 360, 29.97), plain);
    // A phone's portrait video: landscape frames with a display matrix turning them.
    VideoProbe turned = parse("{\"streams\":[{\"width\":1920,\"height\":1080,"
        + "\"r_frame_rate\":\"30/1\",\"avg_frame_rate\":\"0/0\","
        + "\"side_data_list\":[{\"rotation\":-90}]}]}");
    assertEquals(new VideoProbe(1080, 1920, 30), turned);
    VideoProbe oldTag =
        parse("{\"streams\":[{\"width\":4,\"height\":2,\"tags\":{\"rotate\":\"270\"}}]}");
    assertEquals(new VideoProbe(2, 4, 0), oldTag);
    IOException e = assertThrows(IOException.class, () -> parse("{\"streams\":[]}"));
    assertEquals("no video stream", e.getMessage());
    // ffmpeg would render a text file as a video of its characters.
    e = assertThrows(IOException.class, () -> parse("{\"streams\":[{\"width\":640,"
        + "\"height\":400}],\"format\":{\"format_name\":\"tty\"}}"));
    assertEquals("a text file, not a video", e.getMessage());
  }

  private static VideoProbe parse(String json) throws IOException {
    return VideoProbe.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  private Path executable(String name) throws IOException {
    Path file = Files.writeString(dir.resolve(name), "#!/bin/sh\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }

  private static void assertInvalid(String value, String rule) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> FfmpegTools.of(value));
    assertTrue(e.getMessage().startsWith("mirror.capture: ffmpeg "), e.getMessage());
    assertTrue(e.getMessage().contains(rule), e.getMessage());
    assertTrue(e.getMessage().endsWith(", got '" + value + "'"), e.getMessage());
  }
}

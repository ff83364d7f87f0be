package org.expressionmirror.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.expressionmirror.launcher.DistributionRun.Result;
import org.expressionmirror.platform.ffmpeg.internal.TestVideoWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Videos of the common formats through the built distribution, as a user runs it: {@code
 * --headless --source clip.mp4 --out x.jsonl}. The clips are written by FFmpeg's own encoders (the
 * FFmpeg platform bundle's test writer) from a real photo with three faces; no ffmpeg program.
 */
class VideoFormatsIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int W = 960;
  private static final int H = 674;
  private static final int N = 12;

  @TempDir static Path work;
  private static List<byte[]> frames;

  @BeforeAll
  static void photoFrames() throws IOException {
    assertTrue(DistributionRun.built(), "no distribution in " + DistributionRun.DIST);
    BufferedImage photo = ImageIO.read(DistributionRun.PHOTOS.resolve("sample3.jpg").toFile());
    frames = new ArrayList<>();
    for (int i = 0; i < N; i++) {
      frames.add(bgr(photo, 2 * i)); // a slow pan, 2 px a frame, so frames differ
    }
  }

  @Test
  void anH264Mp4IsRecordedFrameByFrameWithItsTimesAndFaces() throws Exception {
    Path mp4 = work.resolve("clip.mp4");
    TestVideoWriter.write(mp4, "libopenh264", 10, 1, W, H, frames);
    List<JsonNode> records = recordOf(mp4);
    for (int i = 0; i < N; i++) {
      JsonNode record = records.get(i);
      assertEquals(i, record.get("frame").asInt());
      assertEquals(i * 100.0, record.get("t_ms").asDouble(), 1e-6);
      assertEquals(3, record.get("faces").size(), "faces in frame " + i + ": " + record);
    }
  }

  @Test
  void aVp9WebmIsRecordedFrameByFrame() throws Exception {
    Path webm = work.resolve("clip.webm");
    TestVideoWriter.write(webm, "libvpx-vp9", 25, 1, W, H, frames);
    List<JsonNode> records = recordOf(webm);
    for (int i = 0; i < N; i++) {
      assertEquals(i, records.get(i).get("frame").asInt());
      assertEquals(i * 40.0, records.get(i).get("t_ms").asDouble(), 1e-6);
      assertTrue(records.get(i).get("faces").size() >= 2, records.get(i).toString());
    }
  }

  /** Runs the headless command over the video; it must end well and record every frame. */
  private static List<JsonNode> recordOf(Path video) throws Exception {
    Path out = work.resolve(video.getFileName() + ".jsonl");
    Result run = DistributionRun.run(
        work, "--headless", "--source", video.toString(), "--out", out.toString());
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains(video + ": " + N + " frames"), run.out());
    assertTrue(run.out().contains(" 0 skipped"), run.out());
    List<JsonNode> records = new ArrayList<>();
    List<String> lines = Files.readAllLines(out);
    for (String line : lines.subList(0, lines.size() - 1)) {
      records.add(JSON.readTree(line));
    }
    assertEquals(N, records.size());
    JsonNode end = JSON.readTree(lines.get(lines.size() - 1));
    assertEquals("complete", end.get("end").asText(), end.toString());
    assertEquals(N, end.get("frames").asInt());
    return records;
  }

  /** The photo scaled to W x H, moved left by {@code shift} pixels, as BGR rows. */
  private static byte[] bgr(BufferedImage photo, int shift) {
    BufferedImage frame = new BufferedImage(W, H, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = frame.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(photo, -shift, 0, W + 40, H, null);
    g.dispose();
    // TYPE_3BYTE_BGR keeps its pixels as B, G, R bytes, rows without padding.
    return ((java.awt.image.DataBufferByte) frame.getRaster().getDataBuffer()).getData().clone();
  }
}

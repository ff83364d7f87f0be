package org.expressionmirror.capture.opencv.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What ffprobe says about a file's first video stream: the size of the frames ffmpeg will deliver
 * and the frame rate.
 *
 * @param width width of a decoded frame as displayed (after ffmpeg's automatic rotation)
 * @param height height likewise
 * @param fps average frame rate, else the stream's base rate; 0 when the file states neither
 */
record VideoProbe(int width, int height, double fps) {
  /** ffprobe reads only the headers and a few packets; more than this means something is wrong. */
  static final long TIMEOUT_S = 10;

  private static final String TEXT_FORMAT = "tty";
  private static final int MAX_JSON_BYTES = 1 << 16;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The arguments after the program name; {@code url} is the {@code file:} URL of the video. */
  static List<String> arguments(String url) {
    return List.of(
        "-v", "error",
        // Only the local file: nothing a crafted container refers to (http, tcp, ...) is opened.
        "-protocol_whitelist", "file,pipe",
        "-select_streams", "v:0",
        "-show_entries",
        "format=format_name:stream=width,height,avg_frame_rate,r_frame_rate"
            + ":stream_tags=rotate:stream_side_data=rotation",
        "-of", "json",
        url);
  }

  /**
   * Runs ffprobe; the message of a failure is the reason alone (ffprobe's first error line), for
   * the caller to put after the file name.
   */
  static VideoProbe run(String ffprobe, String url) throws IOException {
    List<String> command = new ArrayList<>(List.of(ffprobe));
    command.addAll(arguments(url));
    Process process = new ProcessBuilder(command).start();
    process.getOutputStream().close();
    StderrTail errors = new StderrTail(process.getErrorStream(), "ffprobe");
    CompletableFuture<byte[]> out = readAsync(process.getInputStream());
    try {
      if (!process.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
        throw new IOException("ffprobe did not answer within " + TIMEOUT_S + " s");
      }
      errors.awaitEnd(1000);
      if (process.exitValue() != 0) {
        String exit = "ffprobe exit code " + process.exitValue();
        throw new IOException(errors.firstLine(url).orElse(exit));
      }
      return parse(out.get(1, TimeUnit.SECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while probing", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException("cannot read ffprobe's answer: " + e, e);
    } finally {
      process.destroyForcibly();
    }
  }

  private static CompletableFuture<byte[]> readAsync(InputStream in) {
    CompletableFuture<byte[]> result = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (in) {
                result.complete(in.readNBytes(MAX_JSON_BYTES));
              } catch (IOException e) {
                result.completeExceptionally(e);
              }
            },
            "ffprobe stdout");
    reader.setDaemon(true);
    reader.start();
    return result;
  }

  /** Parses ffprobe's JSON; a file without a video stream (or of no size) is an error. */
  static VideoProbe parse(byte[] json) throws IOException {
    JsonNode answer = JSON.readTree(json);
    // ffmpeg's "tty" reader shows any text file as a video of its characters: not a video here.
    if (TEXT_FORMAT.equals(answer.path("format").path("format_name").asText())) {
      throw new IOException("a text file, not a video");
    }
    JsonNode stream = answer.path("streams").path(0);
    int width = stream.path("width").asInt(0);
    int height = stream.path("height").asInt(0);
    if (width <= 0 || height <= 0) {
      throw new IOException("no video stream");
    }
    // ffmpeg turns frames as the file says (phones store portrait video as rotated landscape).
    if (Math.abs(rotation(stream)) % 180 == 90) {
      int w = width;
      width = height;
      height = w;
    }
    double fps = rate(stream.path("avg_frame_rate").asText(""))
        .or(() -> rate(stream.path("r_frame_rate").asText("")))
        .orElse(0.0);
    return new VideoProbe(width, height, fps);
  }

  /** Degrees from the display matrix (ffmpeg 5 and later) or the older rotate tag. */
  private static int rotation(JsonNode stream) {
    for (JsonNode data : stream.path("side_data_list")) {
      if (data.has("rotation")) {
        return (int) Math.round(data.path("rotation").asDouble());
      }
    }
    return stream.path("tags").path("rotate").asInt(0);
  }

  /** A rate like {@code 30000/1001}; empty for {@code 0/0} or anything unusable. */
  static Optional<Double> rate(String text) {
    String[] parts = text.split("/");
    try {
      double value =
          parts.length == 2
              ? Double.parseDouble(parts[0]) / Double.parseDouble(parts[1])
              : Double.parseDouble(text);
      return value > 0 && Double.isFinite(value) ? Optional.of(value) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}

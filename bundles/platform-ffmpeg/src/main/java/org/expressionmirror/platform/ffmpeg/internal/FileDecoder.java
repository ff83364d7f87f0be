package org.expressionmirror.platform.ffmpeg.internal;

import static org.bytedeco.ffmpeg.global.avcodec.AVDISCARD_ALL;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_DATA_DISPLAYMATRIX;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_side_data_get;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avformat.av_find_best_stream;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_index_get_entries_count;
import static org.bytedeco.ffmpeg.global.avformat.avformat_index_get_entry;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_STREAM_NOT_FOUND;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_display_rotation_get;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.global.avutil.av_q2d;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avcodec.AVPacketSideData;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIndexEntry;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.expressionmirror.platform.ffmpeg.VideoDecoder;

/**
 * The first video stream of a local file, demuxed and decoded by FFmpeg in this process. Every
 * frame the decoder gives is delivered once, in its order (as the command line's {@code -vsync
 * passthrough}): no frame duplicated or dropped to fit a rate. The other streams are discarded
 * while demuxing.
 *
 * <p>Only the {@code file} protocol is allowed, also for anything the file refers to: nothing a
 * crafted container names (http, tcp, ...) is opened. FFmpeg's log is off; its reasons reach the
 * caller as error codes, put into one line with the file's name.
 */
final class FileDecoder implements VideoDecoder {
  /** Larger frames would not fit a Java array as BGR. */
  static final long MAX_PIXELS = Integer.MAX_VALUE / 3;

  private final Path file;
  private final Consumer<String> warnings;
  private AVFormatContext format = new AVFormatContext(null);
  private AVCodecContext codec;
  private final AVPacket packet = av_packet_alloc();
  private final AVFrame decoded = av_frame_alloc();
  private int stream;
  private double fps;
  private long declaredFrames;
  private Rotation rotation = Rotation.NONE;
  private int width;
  private int height;
  private BgrConverter converter;
  private byte[] first; // decoded while opening; handed out first
  private byte[] upright; // a rotated video's frame before it is turned, kept between frames
  private long handedOut;
  private boolean draining;
  private boolean ended;
  private boolean closed;
  private boolean warned;

  private FileDecoder(Path file, Consumer<String> warnings) {
    this.file = file;
    this.warnings = warnings;
  }

  static FileDecoder open(Path file, Consumer<String> warnings) throws IOException {
    FileDecoder decoder = new FileDecoder(file, warnings);
    try {
      decoder.openFile();
      decoder.openStream();
      decoder.first = decoder.decode(null).orElseThrow(() -> decoder.failure("no frame decoded"));
      return decoder;
    } catch (IOException | RuntimeException e) {
      decoder.close();
      throw e;
    }
  }

  private void openFile() throws IOException {
    AVDictionary options = new AVDictionary(null);
    av_dict_set(options, "protocol_whitelist", "file", 0);
    // The file: protocol makes a name with a colon a file, never another protocol.
    int result = avformat_open_input(format, "file:" + file.toAbsolutePath(), null, options);
    av_dict_free(options);
    if (result < 0) {
      format = null; // freed by FFmpeg on failure
      throw failure(reason(result));
    }
    check(avformat_find_stream_info(format, (PointerPointer<?>) null));
    // FFmpeg's "tty" reader shows any text file as a video of its characters: not a video here.
    if ("tty".equals(format.iformat().name().getString())) {
      throw failure("a text file, not a video");
    }
  }

  private void openStream() throws IOException {
    int found = av_find_best_stream(format, AVMEDIA_TYPE_VIDEO, -1, -1, (PointerPointer<?>) null, 0);
    if (found == AVERROR_STREAM_NOT_FOUND) {
      throw failure("no video stream");
    }
    stream = check(found);
    discardOtherStreams();
    AVStream video = format.streams(stream);
    AVCodecParameters parameters = video.codecpar();
    AVCodec decoder = avcodec_find_decoder(parameters.codec_id());
    if (decoder == null || decoder.isNull()) {
      throw failure("no decoder for " + avcodec_get_name(parameters.codec_id()).getString());
    }
    if (parameters.width() <= 0 || parameters.height() <= 0
        || (long) parameters.width() * parameters.height() > MAX_PIXELS) {
      throw failure("unusable frame size " + parameters.width() + "x" + parameters.height());
    }
    codec = avcodec_alloc_context3(decoder);
    check(avcodec_parameters_to_context(codec, parameters));
    codec.pkt_timebase(video.time_base());
    codec.thread_count(0); // as many decoding threads as FFmpeg finds useful, as the CLI does
    check(avcodec_open2(codec, decoder, (AVDictionary) null));
    fps = rate(video.avg_frame_rate()).orElse(rate(video.r_frame_rate()).orElse(0.0));
    declaredFrames = exactFrameCount(video);
    rotation = Rotation.ofDisplayMatrix(displayMatrixDegrees(parameters));
    converter = new BgrConverter(parameters.width(), parameters.height());
    width = rotation.swapsSides() ? parameters.height() : parameters.width();
    height = rotation.swapsSides() ? parameters.width() : parameters.height();
  }

  private void discardOtherStreams() {
    for (int i = 0; i < format.nb_streams(); i++) {
      if (i != stream) {
        format.streams(i).discard(AVDISCARD_ALL);
      }
    }
  }

  /**
   * The stream's declared frame count ({@code nb_frames}: an MP4/MOV sample table, an AVI header)
   * where it is exactly what decoding shows: the demuxer's index lists that many frames and marks
   * none to be dropped. Else 0, so that no legitimate file is ever called short: an MP4/MOV edit
   * list that starts inside a group of pictures (a cut made without re-encoding) keeps the frames
   * before the cut in the file and in {@code nb_frames}, marked "discard" in the index, and the
   * decoder does not show them (checked: 50 declared, 37 shown); an edit list that ends early
   * leaves frames out of the index. Edit lists that only shift time (B-frame delay) drop nothing
   * and keep the count. MKV, WebM and fragmented MP4 declare no count at all.
   */
  private static long exactFrameCount(AVStream video) {
    long declared = video.nb_frames();
    if (declared <= 0 || avformat_index_get_entries_count(video) != declared) {
      return 0;
    }
    for (int i = 0; i < declared; i++) {
      AVIndexEntry entry = avformat_index_get_entry(video, i);
      if (entry == null || entry.isNull()
          || (entry.flags() & AVIndexEntry.AVINDEX_DISCARD_FRAME) != 0) {
        return 0;
      }
    }
    return declared;
  }

  /** The display matrix's counter-clockwise rotation in degrees; 0 without one. */
  private static double displayMatrixDegrees(AVCodecParameters parameters) {
    AVPacketSideData matrix = av_packet_side_data_get(
        parameters.coded_side_data(), parameters.nb_coded_side_data(), AV_PKT_DATA_DISPLAYMATRIX);
    if (matrix == null || matrix.isNull() || matrix.size() < 9 * 4) {
      return 0;
    }
    return av_display_rotation_get(new IntPointer(matrix.data()));
  }

  private static Optional<Double> rate(AVRational rational) {
    double value = rational.den() == 0 ? 0 : av_q2d(rational);
    return value > 0 && Double.isFinite(value) ? Optional.of(value) : Optional.empty();
  }

  @Override
  public int width() {
    return width;
  }

  @Override
  public int height() {
    return height;
  }

  @Override
  public double fps() {
    return fps;
  }

  @Override
  public long declaredFrames() {
    return declaredFrames;
  }

  @Override
  public Optional<byte[]> next() throws IOException {
    return next(null);
  }

  @Override
  public Optional<byte[]> next(byte[] reuse) throws IOException {
    if (first != null) {
      byte[] frame = first;
      first = null;
      handedOut++;
      return Optional.of(frame);
    }
    Optional<byte[]> frame = decode(reuse);
    frame.ifPresent(f -> handedOut++);
    return frame;
  }

  /**
   * The next decoded frame (in {@code reuse} when it has the frame's size), feeding the decoder
   * packets as it asks for them.
   */
  private Optional<byte[]> decode(byte[] reuse) throws IOException {
    while (!ended && !closed) {
      int result = avcodec_receive_frame(codec, decoded);
      if (result >= 0) {
        try {
          return Optional.of(toBgr(reuse));
        } finally {
          av_frame_unref(decoded);
        }
      }
      if (result == AVERROR_EOF || (result == AVERROR_EAGAIN() && draining)) {
        ended = true;
      } else if (result == AVERROR_EAGAIN()) {
        feed();
      } else {
        skipped(result); // a damaged frame: decode past it, as the command line does
      }
    }
    return Optional.empty();
  }

  private byte[] toBgr(byte[] reuse) throws IOException {
    byte[] into = reuse != null && reuse.length == width * height * 3 ? reuse : null;
    if (rotation == Rotation.NONE) {
      return converter.convert(decoded, into);
    }
    upright = converter.convert(decoded, upright);
    return rotation.apply(upright, converter.width(), converter.height(),
        into != null ? into : new byte[upright.length]);
  }

  /** Sends the decoder the next packet of the video stream, or the end of the stream. */
  private void feed() throws IOException {
    while (true) {
      int result = av_read_frame(format, packet);
      if (result == AVERROR_EOF) {
        avcodec_send_packet(codec, null);
        draining = true;
        return;
      }
      if (result < 0) {
        throw failure(reason(result));
      }
      try {
        if (packet.stream_index() == stream) {
          int sent = avcodec_send_packet(codec, packet);
          if (sent < 0) {
            skipped(sent); // a damaged packet: decode past it
          }
          return;
        }
      } finally {
        av_packet_unref(packet);
      }
    }
  }

  private void skipped(int error) {
    if (!warned) {
      warned = true;
      warnings.accept(file + ": FFmpeg decoded past damaged data, the first near frame "
          + handedOut + ": " + reason(error));
    }
  }

  private int check(int result) throws IOException {
    if (result < 0) {
      throw failure(reason(result));
    }
    return result;
  }

  IOException failure(String reason) {
    String where = handedOut > 0 ? " after frame " + (handedOut - 1) : "";
    return new IOException("cannot decode video: " + file + where + " (ffmpeg: " + reason + ")");
  }

  /** FFmpeg's text for an error code, e.g. "Invalid data found when processing input". */
  static String reason(int error) {
    try (BytePointer text = new BytePointer(256)) {
      // Without a limit JavaCPP reads the text up to its end mark, not the whole buffer.
      text.limit(0);
      return av_strerror(error, text, 256) < 0 ? "error " + error : text.getString();
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    first = null;
    if (converter != null) {
      converter.close();
    }
    if (codec != null) {
      avcodec_free_context(codec);
    }
    if (format != null) {
      avformat_close_input(format);
    }
    av_packet_free(packet);
    av_frame_free(decoded);
  }
}

package org.expressionmirror.platform.ffmpeg.internal;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_GLOBAL_HEADER;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_from_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avformat.AVFMT_GLOBALHEADER;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ420P;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;
import static org.bytedeco.ffmpeg.global.avutil.av_inv_q;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BICUBIC;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Writes test videos with the FFmpeg encoders of this bundle's LGPL build (libopenh264 for H.264,
 * libvpx for VP8/VP9, mjpeg, mpeg4, ...): no ffmpeg program needed. The container follows the
 * file name. For tests only.
 */
public final class TestVideoWriter {
  private TestVideoWriter() {}

  /**
   * Encodes BGR frames ({@code w x h}, rows without padding) at {@code num/den} frames per second.
   *
   * @param encoder an FFmpeg encoder name, e.g. {@code libopenh264}, {@code libvpx-vp9}, {@code mjpeg}
   */
  public static void write(Path file, String encoder, int num, int den, int w, int h,
      List<byte[]> frames) throws IOException {
    write(file, encoder, num, den, w, h, frames, Map.of());
  }

  /**
   * As {@link #write(Path, String, int, int, int, int, List)}, with options for the container's
   * muxer, e.g. {@code movflags=faststart} to put an MP4's index in front of its media data.
   */
  public static void write(Path file, String encoder, int num, int den, int w, int h,
      List<byte[]> frames, Map<String, String> muxerOptions) throws IOException {
    FfmpegNatives.load();
    AVRational rate = new AVRational().num(num).den(den);
    AVFormatContext out = new AVFormatContext(null);
    check(avformat_alloc_output_context2(out, null, null, file.toString()), "output " + file);
    AVCodec codec = avcodec_find_encoder_by_name(encoder);
    if (codec == null || codec.isNull()) {
      throw new IOException("no encoder " + encoder);
    }
    AVStream stream = avformat_new_stream(out, null);
    AVCodecContext context = avcodec_alloc_context3(codec);
    boolean jpeg = encoder.equals("mjpeg");
    int pixels = jpeg ? AV_PIX_FMT_YUVJ420P : AV_PIX_FMT_YUV420P;
    context.width(w).height(h).pix_fmt(pixels).time_base(av_inv_q(rate)).framerate(rate);
    context.gop_size(12).bit_rate(4_000_000L);
    if ((out.oformat().flags() & AVFMT_GLOBALHEADER) != 0) {
      context.flags(context.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
    }
    AVDictionary options = new AVDictionary(null);
    if (encoder.startsWith("libvpx")) {
      av_dict_set(options, "deadline", "realtime", 0);
      av_dict_set(options, "cpu-used", "8", 0);
    }
    if (jpeg) {
      av_dict_set(options, "qmax", "4", 0);
    }
    check(avcodec_open2(context, codec, options), "open encoder " + encoder);
    av_dict_free(options);
    check(avcodec_parameters_from_context(stream.codecpar(), context), "parameters");
    stream.time_base(context.time_base());
    stream.avg_frame_rate(rate);
    AVIOContext io = new AVIOContext(null);
    check(avio_open(io, file.toString(), AVIO_FLAG_WRITE), "create " + file);
    out.pb(io);
    AVDictionary muxer = new AVDictionary(null);
    muxerOptions.forEach((key, value) -> av_dict_set(muxer, key, value, 0));
    try {
      check(avformat_write_header(out, muxer), "header");
    } finally {
      av_dict_free(muxer);
    }

    AVFrame frame = av_frame_alloc();
    frame.format(pixels).width(w).height(h);
    check(av_frame_get_buffer(frame, 0), "frame buffer");
    SwsContext sws = sws_getContext(w, h, AV_PIX_FMT_BGR24, w, h, pixels, SWS_BICUBIC, null, null,
        (DoublePointer) null);
    AVPacket packet = av_packet_alloc();
    try (BytePointer bgr = new BytePointer((long) w * h * 3);
        PointerPointer<BytePointer> planes = new PointerPointer<BytePointer>(4).put(0, bgr);
        IntPointer strides = new IntPointer(new int[] {w * 3, 0, 0, 0})) {
      for (int i = 0; i < frames.size(); i++) {
        check(av_frame_make_writable(frame), "writable");
        bgr.put(frames.get(i));
        sws_scale(sws, planes, strides, 0, h, frame.data(), frame.linesize());
        frame.pts(i);
        encode(out, context, stream, frame, packet);
      }
      encode(out, context, stream, null, packet);
      check(av_write_trailer(out), "trailer");
    } finally {
      sws_freeContext(sws);
      av_packet_free(packet);
      av_frame_free(frame);
      avcodec_free_context(context);
      avio_closep(out.pb());
      avformat_free_context(out);
    }
  }

  private static void encode(AVFormatContext out, AVCodecContext context, AVStream stream,
      AVFrame frame, AVPacket packet) throws IOException {
    check(avcodec_send_frame(context, frame), "encode");
    while (true) {
      int result = avcodec_receive_packet(context, packet);
      if (result == AVERROR_EAGAIN() || result == AVERROR_EOF) {
        return;
      }
      check(result, "encode");
      av_packet_rescale_ts(packet, context.time_base(), stream.time_base());
      packet.stream_index(stream.index());
      check(av_interleaved_write_frame(out, packet), "write");
    }
  }

  private static int check(int result, String what) throws IOException {
    if (result < 0) {
      throw new IOException(what + ": " + FileDecoder.reason(result));
    }
    return result;
  }
}

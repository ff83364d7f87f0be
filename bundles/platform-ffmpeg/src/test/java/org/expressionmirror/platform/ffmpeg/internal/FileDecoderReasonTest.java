package org.expressionmirror.platform.ffmpeg.internal;

import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** FFmpeg's reasons reach messages as their text only, not the rest of the text buffer. */
class FileDecoderReasonTest {
  @Test
  void aReasonIsFfmpegsTextAlone() {
    FfmpegNatives.load();
    assertEquals("End of file", FileDecoder.reason(AVERROR_EOF));
  }
}
